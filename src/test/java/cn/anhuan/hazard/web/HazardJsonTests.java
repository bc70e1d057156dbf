package cn.anhuan.hazard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import cn.anhuan.IntegrationTest;
import cn.anhuan.hazard.HazardStatus;
import cn.anhuan.hazard.HazardView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-written hazard serialiser writes exactly what Jackson's bean serialiser writes for the record: on
 * generated hazards with every kind of value (nulls, escapes, Chinese text, amounts with scales, instants with and
 * without fractions, a timeline and an open extension), through the application's mapper too.
 */
@IntegrationTest
class HazardJsonTests {

    private static final JsonMapper BEAN = JsonMapper.builder().build();
    private static final JsonMapper HAND = JsonMapper.builder().addModule(new HazardJson().hazardJsonModule()).build();

    @Autowired
    JsonMapper application;

    @Test
    void sameTextAsTheBeanSerialiser() {
        List<HazardView> views = generated(2_000);
        for (HazardView v : views) {
            assertThat(HAND.writeValueAsString(v)).isEqualTo(BEAN.writeValueAsString(v));
        }
        assertThat(HAND.writeValueAsString(views)).isEqualTo(BEAN.writeValueAsString(views));
    }

    @Test
    void theApplicationMapperUsesItAndWritesTheSame() {
        List<HazardView> views = generated(200);
        assertThat(application.writeValueAsString(views)).isEqualTo(BEAN.writeValueAsString(views));
        assertThat(application.registeredModules()).anyMatch(m -> "hazard-json".equals(m.getModuleName()));
    }

    @Test
    void everyRecordComponentIsWritten() {
        HazardView v = generated(1).get(0);
        String json = HAND.writeValueAsString(v);
        for (var component : HazardView.class.getRecordComponents()) {
            assertThat(json).contains("\"" + component.getName() + "\":");
        }
    }

    static List<HazardView> generated(int n) {
        SplittableRandom r = new SplittableRandom(3);
        String[] texts = {null, "", "部位", "储罐区 \"A\" 第3排\n阀门泄漏", "tab\tand \\ backslash", "emoji 🙂 and \u0001",
                "<script>alert(1)</script>"};
        List<HazardView> views = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean full = i % 3 == 0;
            Instant found = Instant.ofEpochSecond(r.nextLong(1_000_000_000L, 2_000_000_000L),
                    i % 4 == 0 ? 0 : i % 4 == 1 ? r.nextInt(1000) * 1_000_000 : r.nextInt(1_000_000) * 1000);
            List<HazardView.Step> timeline = full
                    ? List.of(new HazardView.Step("REPORT", null, "REPORTED", texts[i % texts.length], "inspector", found),
                    new HazardView.Step("ASSIGN", "REPORTED", "ASSIGNED", null, "county", found.plusSeconds(3600)))
                    : List.of();
            HazardView.Extension extension = i % 5 == 0
                    ? new HazardView.Extension(i, LocalDate.of(2027, 1, 1 + i % 28), texts[(i + 2) % texts.length], "officer")
                    : null;
            views.add(new HazardView(i + 1L, r.nextLong(1, 1_000_000), "91141002MA0" + (1000000 + i), "141002",
                    full ? "HAZARDOUS_CHEMICALS" : null, texts[i % texts.length], texts[(i + 1) % texts.length],
                    "OBJECT", i % 2 == 0 ? "MAJOR" : "GENERAL", texts[(i + 3) % texts.length], "GOVERNMENT",
                    texts[(i + 4) % texts.length], found, HazardStatus.values()[i % HazardStatus.values().length],
                    texts[(i + 5) % texts.length], texts[(i + 6) % texts.length],
                    i % 7 == 0 ? null : LocalDate.ofEpochDay(r.nextLong(10_000, 30_000)),
                    switch (i % 4) {
                        case 0 -> null;
                        case 1 -> new BigDecimal("12000.50");
                        case 2 -> new BigDecimal("0.00");
                        default -> BigDecimal.valueOf(r.nextLong(0, 100_000_000), 2);
                    },
                    texts[(i + 2) % texts.length], texts[(i + 3) % texts.length], i % 4,
                    full ? found.plusSeconds(86_400 * 30L) : null, full ? "城市监管员" : null, i % 2 == 1, i % 9,
                    timeline, extension));
        }
        return views;
    }
}
