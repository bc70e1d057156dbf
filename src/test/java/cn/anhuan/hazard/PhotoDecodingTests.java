package cn.anhuan.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import org.springframework.test.web.servlet.ResultActions;

/**
 * Photos cannot take the heap: the pixel count from the header decides before decoding, thumbnails are decoded
 * subsampled and a few at a time, and the EXIF orientation turns the thumbnail upright.
 */
@IntegrationTest
class PhotoDecodingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Thumbnails thumbnails;

    @Test
    void anImageOverTheMegapixelLimitIsRefusedFromItsHeader() throws Exception {
        // 10,000 × 10,000 RGBA at 16 bits: 800 MB once decoded, a few KB as a file (only the header and a stub).
        byte[] bomb = CraftedImages.png(10_000, 10_000, 16, 6, new byte[] {0x78, (byte) 0x9C, 0x03, 0x00});
        assertThat(bomb.length).isLessThan(100);
        upload(hazard(), "bomb.png", bomb).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("10,000 × 10,000")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("40 百万像素")));
        // 7,000 × 7,000 grey is a complete, valid image of 49 megapixels: refused too (the old limit was 10,000 a side).
        upload(hazard(), "big.png", CraftedImages.png(7_000, 7_000, 8, 0, CraftedImages.zeros(7_000, 7_000, 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("7,000 × 7,000")));
    }

    @Test
    void aLargePhotoWithinTheLimitIsDecodedSubsampled() throws Exception {
        // 6,000 × 4,000 RGBA at 16 bits: 192 MB as a full decode.
        byte[] photo = CraftedImages.png(6_000, 4_000, 16, 6, CraftedImages.zeros(6_000, 4_000, 8));
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        byte[] thumb = thumbnails.of(photo);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb));
        assertThat(small.getWidth()).isEqualTo(Thumbnails.SIZE);
        assertThat(small.getHeight()).isEqualTo(213);
        assertThat(allocated).as("bytes allocated to make the thumbnail").isLessThan(48L * 1024 * 1024);
    }

    @Test
    void theThumbnailHonoursTheExifOrientation() throws Exception {
        // Stored 200 wide × 100 high, left half red, right half blue; orientation 6 = turn 90° clockwise to show.
        BufferedImage stored = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLUE);
        g.fillRect(100, 0, 100, 100);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(stored, "jpg", jpeg);
        byte[] photo = CraftedImages.withExifOrientation(jpeg.toByteArray(), 6);
        assertThat(Thumbnails.orientation(photo)).isEqualTo(6);

        int hazard = hazard();
        String body = upload(hazard, "phone.jpg", photo).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        byte[] thumb = mvc.perform(get("/api/v1/hazards/" + hazard + "/attachments/" + JsonPath.read(body, "$.id"))
                        .param("thumbnail", "true").with(httpBasic("yaodu.inspector", IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(thumb));
        assertThat(upright.getWidth()).isEqualTo(100);
        assertThat(upright.getHeight()).isEqualTo(200);
        assertThat(new Color(upright.getRGB(50, 20)).getRed()).as("top is the stored left (red)").isGreaterThan(200);
        assertThat(new Color(upright.getRGB(50, 180)).getBlue()).as("bottom is the stored right (blue)")
                .isGreaterThan(200);
    }

    @Test
    void uploadsWaitForTheirTurnToDecodeWithoutHoldingADatabaseConnection() throws Exception {
        int hazard = hazard();
        byte[] photo = CraftedImages.png(400, 300, 8, 0, CraftedImages.zeros(400, 300, 1));
        int permits = thumbnails.decodes.availablePermits();
        assertThat(permits).isEqualTo(2);
        int waiting = 12; // more than the test pool's 10 connections
        ExecutorService clients = Executors.newFixedThreadPool(waiting + 1);
        List<Future<Integer>> uploads = new ArrayList<>();
        thumbnails.decodes.acquire(permits);
        try {
            for (int i = 0; i < waiting; i++) {
                uploads.add(clients.submit(() -> upload(hazard, "waits.png", photo).andReturn().getResponse().getStatus()));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> thumbnails.decodes.getQueueLength() == waiting);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> uploads.stream().noneMatch(Future::isDone));
            Future<Integer> read = clients.submit(() -> mvc.perform(get("/api/v1/hazards/" + hazard)
                    .with(httpBasic("yaodu.safety", IntegrationTest.PASSWORD))).andReturn().getResponse().getStatus());
            assertThat(read.get(5, TimeUnit.SECONDS)).as("a read while uploads wait to decode").isEqualTo(200);
        } finally {
            thumbnails.decodes.release(permits);
        }
        for (Future<Integer> u : uploads) {
            assertThat(u.get(30, TimeUnit.SECONDS)).isEqualTo(201);
        }
        clients.shutdown();
    }

    private ResultActions upload(int hazard, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/hazards/" + hazard + "/attachments")
                .file(new MockMultipartFile("file", name, "image/png", bytes)).param("stage", "FOUND")
                .with(httpBasic("yaodu.inspector", IntegrationTest.PASSWORD)));
    }

    private int hazard() throws Exception {
        long enterprise = jdbc.sql("select id from enterprise.enterprise where credit_code = '911410023123456732'")
                .query(Long.class).single();
        return JsonPath.read(mvc.perform(post("/api/v1/hazards").with(httpBasic("yaodu.inspector",
                        IntegrationTest.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":%d,"place":"车间","description":"照片测试","category":"OBJECT",
                         "level":"GENERAL","source":"GOVERNMENT"}""".formatted(enterprise)))
                .andReturn().getResponse().getContentAsString(), "$.id");
    }
}
