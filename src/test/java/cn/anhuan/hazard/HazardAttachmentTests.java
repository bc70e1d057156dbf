package cn.anhuan.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Photos and files: types by content, size limit, thumbnails, downloads within the caller's scope. */
@IntegrationTest
class HazardAttachmentTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPhotoIsStoredWithAThumbnailAndServedOnlyWithinScope() throws Exception {
        int hazard = hazard();
        byte[] png = png(1200, 800);
        String body = mvc.perform(multipart("/api/v1/hazards/" + hazard + "/attachments")
                        .file(new MockMultipartFile("file", "现场.png", "application/octet-stream", png))
                        .param("stage", "FOUND").with(as("yaodu.inspector")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.hasThumbnail").value(true))
                .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(body, "$.id");
        byte[] back = mvc.perform(get("/api/v1/hazards/" + hazard + "/attachments/" + id).with(as("yaodu.safety")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(png);
        byte[] thumb = mvc.perform(get("/api/v1/hazards/" + hazard + "/attachments/" + id).param("thumbnail", "true")
                        .with(as("demo.officer")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(Thumbnails.SIZE);
        mvc.perform(get("/api/v1/hazards/" + hazard + "/attachments/" + id).with(as("houma.safety")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/hazards/" + hazard + "/attachments").with(as("houma.safety")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTypeIsJudgedByTheBytesNotTheName() throws Exception {
        int hazard = hazard();
        upload(hazard, "fake.jpg", "just text pretending to be a photo".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] brokenPng = Arrays.copyOf(png(10, 10), 40);
        upload(hazard, "broken.png", brokenPng).andExpect(status().isBadRequest());
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String body = upload(hazard, "整改报告.pdf", pdf).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.hasThumbnail").value(false)).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/v1/hazards/" + hazard + "/attachments/" + JsonPath.read(body, "$.id"))
                        .with(as("yaodu.safety")))
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")));
    }

    @Test
    void tooLargeFilesAreRefused() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] header = png(2, 2);
        System.arraycopy(header, 0, big, 0, header.length);
        upload(hazard(), "big.png", big).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("10 MB")));
    }

    private org.springframework.test.web.servlet.ResultActions upload(int hazard, String name, byte[] bytes)
            throws Exception {
        return mvc.perform(multipart("/api/v1/hazards/" + hazard + "/attachments")
                .file(new MockMultipartFile("file", name, "image/jpeg", bytes)).param("stage", "RECTIFIED")
                .with(as("demo.officer")));
    }

    private int hazard() throws Exception {
        long enterprise = jdbc.sql("select id from enterprise.enterprise where credit_code = '911410023123456732'")
                .query(Long.class).single();
        return JsonPath.read(mvc.perform(post("/api/v1/hazards").with(as("yaodu.inspector"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":%d,"place":"仓库","description":"消防通道堵塞","category":"OBJECT",
                         "level":"GENERAL","source":"GOVERNMENT"}""".formatted(enterprise)))
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    private static byte[] png(int w, int h) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            image.setRGB(x, x * h / w, 0xFF0000);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static RequestPostProcessor as(String user) {
        return httpBasic(user, IntegrationTest.PASSWORD);
    }
}
