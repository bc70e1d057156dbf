package cn.anhuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.anhuan.IntegrationTest;
import cn.anhuan.audit.AuditTrail;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins slow an account name and a client address down progressively instead of locking the account;
 * unknown and existing names get the same answers; crossing into the delayed state is audited.
 */
@IntegrationTest
class LoginThrottleTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    UserRepository users;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ThrottleProperties properties;

    @Test
    void theDelayDoublesFromTheFirstFailureBeyondTheFreeOnesUpToTheCap() {
        ThrottleProperties p = new ThrottleProperties(3, 10, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(15), 1000);
        assertThat(List.of(0, 3, 4, 5, 6, 8, 9, 50, Integer.MAX_VALUE).stream().map(n -> p.delayAfter(n, 3)))
                .containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(4), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
    }

    /** On a clock the test moves: refused inside the delay (even the right password), heard after it. */
    @Test
    void anAttemptInsideTheDelayIsRefusedEvenWithTheRightPasswordAndHeardOnceItIsOver() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(userDetails, encoder, users, audit, tx, properties, clock);
        String username = createUser("clock.victim");
        for (int i = 0; i <= properties.freeFailures(); i++) {
            assertThatThrownBy(() -> throttle.authenticate(attempt(username, "wrong-password", "10.9.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(throttle.waitFor(username, "10.9.0.2")).isEqualTo(properties.initialDelay());
        clock.advance(properties.initialDelay().minusMillis(1));
        assertThatThrownBy(() -> throttle.authenticate(attempt(username, IntegrationTest.PASSWORD, "10.9.0.2")))
                .as("one millisecond early").isInstanceOf(BadCredentialsException.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.authenticate(attempt(username, IntegrationTest.PASSWORD, "10.9.0.2")).isAuthenticated()).isTrue();
        assertThat(throttle.waitFor(username, "10.9.0.2")).as("a success forgets the name's failures").isZero();

        for (int i = 0; i <= properties.freeFailures() + 1; i++) {
            assertThatThrownBy(() -> throttle.authenticate(attempt(username, "wrong-password", "10.9.0.3")))
                    .isInstanceOf(BadCredentialsException.class);
            clock.advance(throttle.waitFor(username, "10.9.0.3"));
        }
        assertThat(throttle.waitFor(username, "10.9.0.3")).isZero();
        clock.advance(properties.forgetAfter());
        assertThatThrownBy(() -> throttle.authenticate(attempt(username, "wrong-password", "10.9.0.3")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(throttle.waitFor(username, "10.9.0.3")).as("forgotten after forget-after: one failure is free")
                .isZero();
    }

    @Test
    void repeatedFailuresOverHttpBasicDelayTheAccountWithoutLockingItAndTheDelayIsAudited() throws Exception {
        String username = createUser("basic.victim");
        RequestPostProcessor attacker = fromAddress();
        for (int i = 0; i <= properties.freeFailures(); i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(username, "not-the-password-" + i)).with(attacker))
                    .andExpect(status().isUnauthorized());
        }
        RequestPostProcessor owner = fromAddress();
        mvc.perform(get("/api/v1/me").with(httpBasic(username, IntegrationTest.PASSWORD)).with(owner))
                .andExpect(status().isUnauthorized());
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                mvc.perform(get("/api/v1/me").with(httpBasic(username, IntegrationTest.PASSWORD)).with(owner))
                        .andExpect(status().isOk()));
        assertThat(jdbc.sql("select locked_until is null and failed_attempts = 0 from identity.app_user where username = :u")
                .param("u", username).query(Boolean.class).single()).as("no lock in the database").isTrue();
        assertThat(jdbc.sql("""
                select count(*) from audit.entry e join identity.app_user u on e.entity_id = u.id::text
                where e.action = 'login.delayed' and e.entity_type = 'user' and u.username = :u""").param("u", username)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unknownAndExistingNamesGetTheSameAnswerAtEveryAttempt() throws Exception {
        String existing = createUser("known.name");
        String unknown = "no.such.name." + System.nanoTime() % 100000;
        assertThat(answers(unknown)).isEqualTo(answers(existing)).allMatch("/login?error"::equals);
    }

    /** Wrong passwords into the delay, then the right one (for the existing name) while still delayed. */
    private List<String> answers(String username) throws Exception {
        RequestPostProcessor address = fromAddress();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < properties.freeFailures() + 3; i++) {
            answers.add(mvc.perform(post("/login").with(csrf()).with(address)
                            .param("username", username).param("password", "wrong-password-" + i))
                    .andReturn().getResponse().getRedirectedUrl());
        }
        answers.add(mvc.perform(post("/login").with(csrf()).with(address)
                        .param("username", username).param("password", IntegrationTest.PASSWORD))
                .andReturn().getResponse().getRedirectedUrl());
        return answers;
    }

    @Test
    void anAddressThatFailsForManyNamesIsDelayedForEveryNameAndAudited() throws Exception {
        RequestPostProcessor sprayer = fromAddress();
        String address = address(sprayer);
        for (int i = 0; i <= properties.freeFailuresPerAddress(); i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("spray" + i + "." + System.nanoTime() % 1000, "Spring-2026"))
                    .with(sprayer)).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic("leader", IntegrationTest.PASSWORD)).with(sprayer))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic("leader", IntegrationTest.PASSWORD)).with(fromAddress()))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'login.delayed' and entity_type = 'address'"
                + " and entity_id = :a").param("a", address).query(Long.class).single()).isEqualTo(1);
    }

    private Authentication attempt(String username, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    private String createUser(String prefix) {
        String username = prefix + "." + System.nanoTime() % 100000;
        jdbc.sql("""
                insert into identity.app_user (username, display_name, password_hash, role, region_code)
                values (:u, 'Test', :h, 'INSPECTOR', '141002')""")
                .param("u", username).param("h", encoder.encode(IntegrationTest.PASSWORD)).update();
        return username;
    }

    private static RequestPostProcessor fromAddress() {
        String address = "10.0.1." + ADDRESS.incrementAndGet();
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String address(RequestPostProcessor processor) {
        return processor.postProcessRequest(new MockHttpServletRequest()).getRemoteAddr();
    }

    /** A clock the test moves forward by hand. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-04T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
