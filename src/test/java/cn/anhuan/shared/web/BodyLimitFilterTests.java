package cn.anhuan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/** Which limit a request gets: its endpoint's own, else the multipart, public or general one. */
class BodyLimitFilterTests {

    private final Map<String, DataSize> paths = new LinkedHashMap<>(Map.of("/api/v1/air/forecasts", DataSize.ofKilobytes(8)));
    private final BodyLimitFilter filter = new BodyLimitFilter(new WebLimits(DataSize.ofKilobytes(256),
            DataSize.ofKilobytes(32), DataSize.ofMegabytes(25), paths), null, null);

    private long limit(String path, String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType(contentType);
        return filter.limit(request);
    }

    @Test
    void anEndpointsOwnLimitComesFirstThenMultipartPublicAndGeneral() {
        assertThat(limit("/api/v1/air/forecasts", "application/json")).isEqualTo(8 * 1024);
        assertThat(limit("/api/v1/enterprises/import", "multipart/form-data; boundary=x")).isEqualTo(25 * 1024 * 1024);
        assertThat(limit("/api/v1/public/citizen-reports", "application/json")).isEqualTo(32 * 1024);
        assertThat(limit("/public/report", "application/x-www-form-urlencoded")).isEqualTo(32 * 1024);
        assertThat(limit("/api/v1/hazards", "application/json")).isEqualTo(256 * 1024);
    }
}
