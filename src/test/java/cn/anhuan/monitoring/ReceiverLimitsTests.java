package cn.anhuan.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The receiver's caps over real sockets, on a receiver of its own (same intake, writer and database as the
 * platform's, small limits) bound to 127.0.0.1; clients connect from their own loopback addresses.
 */
@IntegrationTest
class ReceiverLimitsTests {

    @Autowired
    Intake intake;
    @Autowired
    PacketWriter writer;
    @Autowired
    ReceiverStats stats;
    @Autowired
    MonitoringProperties properties;
    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int httpPort;

    private Hj212Server receiver;
    private final List<Hj212Client> clients = new ArrayList<>();

    Hj212Server receiver(int maxConnections, int perAddress, Duration frameTimeout) {
        MonitoringProperties.Hj212 h = properties.hj212();
        MonitoringProperties own = new MonitoringProperties(new MonitoringProperties.Hj212(true, 0, "0.0.0.0",
                h.batchSize(), h.queueCapacity(), h.writers(), h.idleTimeout(), h.splitTimeout(), h.maxClockSkew()),
                properties.alarm(), properties.reduction());
        ReceiverProperties limits = new ReceiverProperties("127.0.0.1", maxConnections, perAddress, frameTimeout,
                new ReceiverProperties.Sample(100, 1000, Duration.ofDays(30),
                        org.springframework.util.unit.DataSize.ofMegabytes(256), Duration.ofMinutes(10)));
        receiver = new Hj212Server(intake, writer, stats, own, limits);
        receiver.start();
        return receiver;
    }

    @AfterEach
    void stop() throws IOException {
        for (Hj212Client c : clients) {
            c.close();
        }
        if (receiver != null) {
            receiver.stop();
        }
    }

    Hj212Client connect(String from) throws IOException {
        Hj212Client c = new Hj212Client(receiver.port(), from);
        clients.add(c);
        return c;
    }

    @Test
    void listensOnTheConfiguredAddressOnly() throws Exception {
        receiver(10, 5, Duration.ofSeconds(60));
        try (Socket s = new Socket("127.0.0.1", receiver.port())) {
            assertThat(s.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> new Socket("127.0.0.2", receiver.port()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void capsConnectionsPerAddressAndInTotalWhileHttpAnswersAndADeviceGetsInOnceOthersClose() throws Exception {
        receiver(8, 3, Duration.ofSeconds(60));
        long perAddress = stats.refusedPerAddress.sum();
        long total = stats.refusedTotal.sum();
        List<Hj212Client> flood = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            flood.add(connect("127.0.0.21"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> stats.refusedPerAddress.sum() == perAddress + 2);
        List<Hj212Client> admitted = open(flood);
        assertThat(admitted).as("three from one address stay open").hasSize(3);
        List<Hj212Client> more = new ArrayList<>();
        for (int a = 22; a < 30; a++) {
            more.add(connect("127.0.0." + a));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> stats.refusedTotal.sum() == total + 3);
        assertThat(open(more)).as("the rest up to eight in all").hasSize(5);

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("the web side answers while the receiver is full").isEqualTo(200);

        String mn = "TESTCAP0000001";
        register(mn);
        Hj212Client refused = connect("127.0.0.40");
        assertThat(refused.closedByPeer(3_000)).as("refused while full").isTrue();
        admitted.get(0).close();
        Hj212Client device = await().atMost(Duration.ofSeconds(10)).until(() -> {
            Hj212Client c = connect("127.0.0.40");
            return c.closedByPeer(300) ? null : c;
        }, java.util.Objects::nonNull);
        device.send(ReceiverTests.hourly(mn, "20260104100000001", "20260104090000", "3"));
        assertThat(device.replies(1, 15_000)).singleElement().asString().contains("CN=9014");
    }

    @Test
    void closesAConnectionThatSendsNoCompleteFrameButKeepsOneThatDoes() throws Exception {
        receiver(10, 5, Duration.ofMillis(600));
        String mn = "TESTCAP0000002";
        register(mn);
        long timeouts = stats.frameTimeouts.sum();
        Hj212Client idle = connect("127.0.0.31");
        Hj212Client trickle = connect("127.0.0.32");
        Hj212Client device = connect("127.0.0.33");
        trickle.send("##0123QN=2026".getBytes(StandardCharsets.US_ASCII));
        long start = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean idleClosed = new AtomicBoolean();
        AtomicBoolean trickleClosed = new AtomicBoolean();
        // the device sends a packet and the other one a garbage line every 150 ms until both others are closed
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(150)).until(() -> {
            int i = sent.getAndIncrement();
            device.send(ReceiverTests.hourly(mn, "2026010510" + String.format("%07d", i),
                    String.format("202601%02d%02d0000", 5 + i / 24, i % 24), "4"));
            try {
                trickle.send("garbage\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                trickleClosed.set(true);
            }
            idleClosed.compareAndSet(false, idle.closedByPeer(1));
            trickleClosed.compareAndSet(false, trickle.closedByPeer(1));
            return idleClosed.get() && trickleClosed.get() && System.nanoTime() - start > 3 * 600_000_000L;
        });
        assertThat(device.replies(sent.get(), 10_000)).as("a device sending frames stays connected")
                .hasSize(sent.get()).allMatch(r -> r.contains("CN=9014"));
        assertThat(device.closedByPeer(100)).isFalse();
        assertThat(stats.frameTimeouts.sum()).isGreaterThanOrEqualTo(timeouts + 2);
    }

    void register(String mn) throws Exception {
        mvc.perform(post("/api/v1/monitoring/devices").with(ReceiverTests.as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"mn":"%s","password":"654321","systemType":"31","name":"测试排口 %s",
                                 "creditCode":"%s","outletCode":"DA010","expectedIntervalSeconds":60}"""
                                .formatted(mn, mn, ReceiverTests.ENTERPRISE)))
                .andExpect(status().isCreated());
    }

    /** The clients the receiver did not close. */
    private static List<Hj212Client> open(List<Hj212Client> clients) throws IOException {
        List<Hj212Client> open = new ArrayList<>();
        for (Hj212Client c : clients) {
            if (!c.closedByPeer(200)) {
                open.add(c);
            }
        }
        return open;
    }
}
