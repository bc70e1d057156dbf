package cn.anhuan.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import cn.anhuan.organization.DepartmentService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo accounts of {@code demo/<city>/accounts.csv} on first start. There is no fixed password:
 * it comes from {@code ANHUAN_DEMO_PASSWORD}, or is generated and printed once in the log.
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserRepository users;
    private final DepartmentService departments;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final String city;
    private final String configuredPassword;

    DemoAccounts(UserRepository users, DepartmentService departments, PasswordEncoder encoder, AuditTrail audit,
                 TransactionTemplate tx, @Value("${anhuan.demo.enabled:true}") boolean enabled,
                 @Value("${anhuan.demo.city:linfen}") String city,
                 @Value("${ANHUAN_DEMO_PASSWORD:}") String configuredPassword) {
        this.users = users;
        this.departments = departments;
        this.encoder = encoder;
        this.audit = audit;
        this.tx = tx;
        this.enabled = enabled;
        this.city = city;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled || !users.isEmpty()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        String hash = encoder.encode(password);
        int count = tx.execute(status -> load(hash));
        if (generated) {
            log.warn("Demo accounts created ({}). Their password, shown only this once: {}  "
                    + "(set ANHUAN_DEMO_PASSWORD before the first start to choose it)", count, password);
        } else {
            log.info("Demo accounts created ({}) with the password from ANHUAN_DEMO_PASSWORD", count);
        }
    }

    private int load(String hash) {
        ClassPathResource resource = new ClassPathResource("demo/" + city + "/accounts.csv");
        int count = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Role role = Role.valueOf(f[1]);
                Long department = f[3].isEmpty() ? null : departments.findByRegionAndKind(f[2], f[3])
                        .orElseThrow(() -> new IllegalStateException("No department " + f[3] + " in " + f[2])).id();
                UserRow row = new UserRow(0, f[0], f[4], hash, role, f[2], department,
                        f[5].isEmpty() ? null : f[5], true, 0, null, null, 0, false);
                long id = users.insert(row);
                audit.record("user.seeded", "user", id, f[2], null, row.auditFields());
                count++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
        return count;
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.append(random.nextInt(10)).toString();
    }
}
