package cn.anhuan.organization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a city's region tree and departments on first start (the Linfen demo by default), from
 * {@code demo/<city>/regions.csv} and {@code departments.csv}. Another city is another folder.
 */
@Component
@Order(10)
class OrganizationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganizationDemoData.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final String city;

    OrganizationDemoData(JdbcClient jdbc, AuditTrail audit, TransactionTemplate tx,
                         @Value("${anhuan.demo.enabled:true}") boolean enabled,
                         @Value("${anhuan.demo.city:linfen}") String city) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.enabled = enabled;
        this.city = city;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("select count(*) from organization.region").query(Long.class).single() > 0) {
            return;
        }
        tx.executeWithoutResult(status -> load());
    }

    private void load() {
        List<String[]> regions = csv("regions.csv");
        Map<String, String> kindNames = new java.util.HashMap<>();
        Map<String, String> kindNamesEn = new java.util.HashMap<>();
        jdbc.sql("select code, name, name_en from organization.department_kind").query(CodeName.class).list()
                .forEach(k -> {
                    kindNames.put(k.code(), k.name());
                    kindNamesEn.put(k.code(), k.nameEn());
                });
        Map<String, String> paths = new java.util.HashMap<>();
        String cityName = null;
        String cityNameEn = null;
        for (String[] r : regions) {
            String code = r[0];
            String parent = r[1].isEmpty() ? null : r[1];
            String path = (parent == null ? "/" : paths.get(parent)) + code + "/";
            paths.put(code, path);
            jdbc.sql("""
                    insert into organization.region (code, name, name_en, kind, parent_code, path)
                    values (:code, :name, :nameEn, :kind, :parent, :path)""")
                    .param("code", code).param("name", r[3]).param("nameEn", r[4]).param("kind", r[2])
                    .param("parent", parent).param("path", path).update();
            audit.record("region.seeded", "region", code, code, null,
                    Map.of("name", r[3], "nameEn", r[4], "kind", r[2], "path", path));
            if (parent == null) {
                cityName = r[3];
                cityNameEn = r[4];
            }
        }
        List<String[]> departments = csv("departments.csv");
        int count = 0;
        for (String[] region : regions) {
            RegionKind kind = RegionKind.valueOf(region[2]);
            String group = kind == RegionKind.ZONE ? "ZONE" : kind.supervisionLevel().name();
            for (String[] d : departments) {
                if (!d[0].equals(group)) {
                    continue;
                }
                boolean cityBranch = "ECOLOGY".equals(d[1]) && group.equals("COUNTY");
                String name = cityBranch ? cityName + kindNames.get(d[1]) + region[3] + "分局"
                        : region[3] + kindNames.get(d[1]);
                String nameEn = cityBranch ? cityNameEn + " " + kindNamesEn.get(d[1]) + ", " + region[4] + " Branch"
                        : region[4] + " " + kindNamesEn.get(d[1]);
                long id = jdbc.sql("""
                        insert into organization.department (kind, region_code, name, name_en)
                        values (:kind, :region, :name, :nameEn) returning id""")
                        .param("kind", d[1]).param("region", region[0]).param("name", name).param("nameEn", nameEn)
                        .query(Long.class).single();
                audit.record("department.seeded", "department", id, region[0], null,
                        Map.of("kind", d[1], "name", name, "nameEn", nameEn));
                count++;
            }
        }
        log.info("Demo data '{}': {} regions and {} departments loaded", city, regions.size(), count);
    }

    private List<String[]> csv(String file) {
        ClassPathResource resource = new ClassPathResource("demo/" + city + "/" + file);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo data " + resource, e);
        }
        return rows;
    }
}
