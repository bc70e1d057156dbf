package cn.anhuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every GET endpoint of the API (and the record pages) with every role and proves that nothing outside
 * the caller's scope is shown: lists hold only in-scope records, out-of-scope ids answer 404, and
 * administration answers 403 to other roles. A new GET endpoint fails this test until it is added here.
 */
@IntegrationTest
class ScopeMatrixTests {

    static final String YAODU = "141002";
    static final String HOUMA = "141081";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountUserDetailsService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The demo users of every role, with the regions each must see (null: all). */
    static final Map<String, Set<String>> USERS = Map.of(
            "admin", Set.of(),
            "leader", Set.of(),
            "city.safety", Set.of(),
            "city.housing", Set.of(),
            "yaodu.safety", Set.of(YAODU),
            "yaodu.inspector", Set.of(YAODU),
            "houma.safety", Set.of(HOUMA),
            "demo.officer", Set.of(YAODU));

    static final Set<String> COVERED = Set.of(
            "/api/v1/me", "/api/v1/regions", "/api/v1/regions/{code}", "/api/v1/regions/{code}/history",
            "/api/v1/departments", "/api/v1/departments/{id}", "/api/v1/departments/{id}/history",
            "/api/v1/department-kinds", "/api/v1/industries", "/api/v1/industry-supervision",
            "/api/v1/users", "/api/v1/users/{id}", "/api/v1/users/{id}/history", "/api/v1/tokens",
            "/api/v1/audit", "/api/v1/audit/verify",
            "/api/v1/air/stations", "/api/v1/air/stations/{code}", "/api/v1/air/stations/{code}/hourly",
            "/api/v1/air/stations/{code}/daily", "/api/v1/air/regions/current", "/api/v1/air/regions/daily",
            "/api/v1/air/statistics", "/api/v1/air/forecasts", "/api/v1/air/warnings/proposal",
            "/api/v1/air/warnings", "/api/v1/air/warnings/{id}", "/api/v1/air/reduction-list",
            "/api/v1/air/reduction-list/check", "/api/v1/air/emission-baseline",
            "/api/v1/enterprises", "/api/v1/enterprises/{id}", "/api/v1/enterprises/{id}/history",
            "/api/v1/enterprises/export.xlsx", "/api/v1/enterprises/template.xlsx",
            "/api/v1/enterprises/{id}/licences", "/api/v1/enterprises/{id}/major-hazards",
            "/api/v1/enterprises/expiring-licences", "/api/v1/risk-points", "/api/v1/risk-points/{id}",
            "/api/v1/risk-points/{id}/history", "/api/v1/risk-bands", "/api/v1/risk-map",
            "/api/v1/hazards", "/api/v1/hazards/counts", "/api/v1/hazards/{id}", "/api/v1/hazards/{id}/history",
            "/api/v1/notifications", "/api/v1/notifications/unread", "/api/v1/hazards/{id}/listing",
            "/api/v1/public/citizen-reports/{code}", "/api/v1/citizen-reports", "/api/v1/citizen-reports/{id}",
            "/api/v1/hazards/export.xlsx", "/api/v1/hazards/{id}/attachments",
            "/api/v1/hazards/{id}/attachments/{fileId}",
            "/api/v1/monitoring/devices", "/api/v1/monitoring/devices/{id}", "/api/v1/monitoring/devices/{id}/limits",
            "/api/v1/monitoring/readings", "/api/v1/monitoring/alarms", "/api/v1/monitoring/alarms/{id}",
            "/api/v1/monitoring/quarantine", "/api/v1/monitoring/rejects", "/api/v1/monitoring/receiver",
            "/api/v1/monitoring/receiver/sources", "/api/v1/monitoring/reduction-compliance");

    @Test
    void everyApiReadEndpointIsInTheMatrix() {
        Set<String> endpoints = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPatternValues().stream())
                .filter(p -> p.startsWith("/api/"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(endpoints).containsExactlyInAnyOrderElementsOf(COVERED);
    }

    @Test
    void everyRoleSeesOnlyItsScopeOnEveryEndpoint() throws Exception {
        long yaoduDept = departmentOf(YAODU);
        long houmaDept = departmentOf(HOUMA);
        long yaoduUser = userId("yaodu.inspector");
        long allRegions = jdbc.sql("select count(*) from organization.region").query(Long.class).single();
        for (var entry : USERS.entrySet()) {
            String username = entry.getKey();
            Set<String> scope = entry.getValue();
            boolean city = scope.isEmpty();
            boolean admin = username.equals("admin");
            String other = scope.contains(HOUMA) ? YAODU : HOUMA;
            String own = city ? YAODU : scope.iterator().next();
            long otherDept = other.equals(HOUMA) ? houmaDept : yaoduDept;
            long ownDept = own.equals(YAODU) ? yaoduDept : houmaDept;

            assertThat(status(username, "/api/v1/me")).isEqualTo(200);

            List<String> regions = codes(username, "/api/v1/regions", "$[*].code");
            if (city) {
                assertThat(regions).as(username).hasSize((int) allRegions);
            } else {
                assertThat(regions).as(username).containsExactlyInAnyOrderElementsOf(scope);
            }
            assertThat(status(username, "/api/v1/regions/" + own)).as(username).isEqualTo(200);
            assertThat(status(username, "/api/v1/regions/" + own + "/history")).as(username).isEqualTo(200);
            assertThat(status(username, "/api/v1/regions/" + other)).as(username).isEqualTo(city ? 200 : 404);
            assertThat(status(username, "/api/v1/regions/" + other + "/history")).as(username).isEqualTo(city ? 200 : 404);
            assertThat(status(username, "/api/v1/regions/999999")).as(username).isEqualTo(404);

            List<String> departmentRegions = codes(username, "/api/v1/departments", "$[*].regionCode");
            assertThat(departmentRegions).as(username).isNotEmpty();
            if (!city) {
                assertThat(departmentRegions).as(username).allMatch(scope::contains);
            }
            assertThat(codes(username, "/api/v1/departments?region=" + other, "$[*].regionCode"))
                    .as(username).hasSize(city ? 10 : 0);
            assertThat(status(username, "/api/v1/departments/" + ownDept)).as(username).isEqualTo(200);
            assertThat(status(username, "/api/v1/departments/" + ownDept + "/history")).as(username).isEqualTo(200);
            assertThat(status(username, "/api/v1/departments/" + otherDept)).as(username).isEqualTo(city ? 200 : 404);
            assertThat(status(username, "/api/v1/departments/" + otherDept + "/history")).as(username)
                    .isEqualTo(city ? 200 : 404);

            for (String reference : List.of("/api/v1/department-kinds", "/api/v1/industries",
                    "/api/v1/industry-supervision", "/api/v1/tokens")) {
                assertThat(status(username, reference)).as(username + " " + reference).isEqualTo(200);
            }
            for (String adminOnly : List.of("/api/v1/users", "/api/v1/users/" + yaoduUser,
                    "/api/v1/users/" + yaoduUser + "/history", "/api/v1/audit", "/api/v1/audit/verify")) {
                assertThat(status(username, adminOnly)).as(username + " " + adminOnly).isEqualTo(admin ? 200 : 403);
            }

            String ownStation = own.equals(YAODU) ? "1171A" : "LF-HM";
            String otherStation = other.equals(YAODU) ? "1171A" : "LF-HM";
            List<String> stationRegions = codes(username, "/api/v1/air/stations", "$[*].regionCode");
            if (!city) {
                assertThat(stationRegions).as(username).isNotEmpty().allMatch(scope::contains);
            }
            String period = "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z";
            String days = "?from=2026-01-01&to=2026-01-02";
            for (String suffix : List.of("", "/hourly" + period, "/daily" + days)) {
                assertThat(status(username, "/api/v1/air/stations/" + ownStation + suffix)).as(username).isEqualTo(200);
                assertThat(status(username, "/api/v1/air/stations/" + otherStation + suffix)).as(username)
                        .isEqualTo(city ? 200 : 404);
            }
            assertThat(status(username, "/api/v1/air/warnings/0")).as(username).isEqualTo(404);

            List<String> enterpriseRegions = codes(username, "/api/v1/enterprises?limit=500", "$[*].regionCode");
            assertThat(enterpriseRegions).as(username).isNotEmpty();
            if (!city) {
                assertThat(enterpriseRegions).as(username).allMatch(scope::contains);
            }
            long otherEnterprise = enterpriseIn(other);
            long ownEnterprise = username.equals("demo.officer") ? enterpriseCode("911410023123456732") : enterpriseIn(own);
            boolean industryLimited = username.equals("city.housing");
            assertThat(status(username, "/api/v1/enterprises/expiring-licences")).as(username).isEqualTo(200);
            for (String suffix : List.of("", "/history", "/licences", "/major-hazards")) {
                assertThat(status(username, "/api/v1/enterprises/" + otherEnterprise + suffix)).as(username)
                        .isEqualTo(city && !industryLimited ? 200 : 404);
                assertThat(status(username, "/api/v1/enterprises/" + ownEnterprise + suffix)).as(username)
                        .isEqualTo(industryLimited ? 404 : 200);
            }
            assertThat(status(username, "/api/v1/enterprises/export.xlsx")).as(username).isEqualTo(200);
            List<String> riskRegions = codes(username, "/api/v1/risk-points", "$[*].regionCode");
            List<String> mapRegions = codes(username, "/api/v1/risk-map", "$[*].regionCode");
            if (!city) {
                assertThat(riskRegions).as(username).allMatch(scope::contains);
                assertThat(mapRegions).as(username).allMatch(scope::contains);
            }
            long otherPoint = riskPointIn(other);
            for (String suffix : List.of("", "/history")) {
                assertThat(status(username, "/api/v1/risk-points/" + otherPoint + suffix)).as(username)
                        .isEqualTo(city && !industryLimited ? 200 : 404);
            }
            assertThat(status(username, "/api/v1/risk-bands?method=LEC")).as(username).isEqualTo(200);
            List<String> hazardRegions = codes(username, "/api/v1/hazards?limit=500", "$[*].regionCode");
            if (!city) {
                assertThat(hazardRegions).as(username).allMatch(scope::contains);
            }
            assertThat(status(username, "/api/v1/hazards/counts")).as(username).isEqualTo(200);
            assertThat(status(username, "/api/v1/hazards/export.xlsx")).as(username).isEqualTo(200);
            assertThat(status(username, "/api/v1/notifications/unread")).as(username).isEqualTo(200);
            boolean triage = admin || username.equals("city.safety") || username.endsWith(".safety");
            assertThat(status(username, "/api/v1/citizen-reports")).as(username).isEqualTo(triage ? 200 : 403);
            if (triage && !city) {
                assertThat(codes(username, "/api/v1/citizen-reports?status=", "$[*].regionCode"))
                        .as(username).allMatch(scope::contains);
            }
            assertThat(status(username, "/api/v1/citizen-reports/0")).as(username).isEqualTo(triage ? 404 : 403);
            assertThat(status(username, "/api/v1/public/citizen-reports/NOSUCHCODE00")).as(username).isEqualTo(404);
            assertThat(codes(username, "/api/v1/notifications", "$[*].link")).as(username + " sees only its own")
                    .hasSize(jdbc.sql("select count(*) from notification.notification where recipient = :u")
                            .param("u", username).query(Long.class).single().intValue());
            long otherHazard = hazardIn(otherEnterprise);
            for (String suffix : List.of("", "/history")) {
                assertThat(status(username, "/api/v1/hazards/" + otherHazard + suffix)).as(username)
                        .isEqualTo(city && !industryLimited ? 200 : 404);
            }
            assertThat(status(username, "/api/v1/hazards/" + otherHazard + "/attachments")).as(username)
                    .isEqualTo(city && !industryLimited ? 200 : 404);
            assertThat(status(username, "/api/v1/hazards/" + otherHazard + "/attachments/0")).as(username)
                    .isEqualTo(404);
            assertThat(status(username, "/api/v1/hazards/" + otherHazard + "/listing")).as(username)
                    .isEqualTo(city && !industryLimited ? 204 : 404);
            assertThat(page(username, "/hazards/" + otherHazard)).as(username)
                    .isEqualTo(city && !industryLimited ? 200 : 404);
            assertThat(status(username, "/api/v1/enterprises/template.xlsx")).as(username).isEqualTo(200);
            assertThat(page(username, "/enterprises/" + otherEnterprise)).as(username)
                    .isEqualTo(city && !industryLimited ? 200 : 404);
            long otherDevice = deviceIn(otherEnterprise);
            int seesOther = city && !industryLimited ? 200 : 404;
            List<String> deviceRegions = codes(username, "/api/v1/monitoring/devices?limit=1000", "$[*].regionCode");
            if (!city) {
                assertThat(deviceRegions).as(username).allMatch(scope::contains);
            }
            if (username.equals("demo.officer")) {
                assertThat(codes(username, "/api/v1/monitoring/devices?limit=1000", "$[*].creditCode"))
                        .allMatch("911410023123456732"::equals);
            }
            assertThat(status(username, "/api/v1/monitoring/devices/" + otherDevice)).as(username).isEqualTo(seesOther);
            assertThat(status(username, "/api/v1/monitoring/devices/" + otherDevice + "/limits")).as(username)
                    .isEqualTo(seesOther);
            String mn = jdbc.sql("select mn from monitoring.device where id = :d").param("d", otherDevice)
                    .query(String.class).single();
            assertThat(status(username, "/api/v1/monitoring/readings?mn=" + mn
                    + "&pollutant=a21026&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")).as(username)
                    .isEqualTo(seesOther);
            long otherAlarm = alarmOf(otherDevice);
            assertThat(status(username, "/api/v1/monitoring/alarms/" + otherAlarm)).as(username).isEqualTo(seesOther);
            List<String> alarmRegions = codes(username, "/api/v1/monitoring/alarms?limit=500", "$[*].regionCode");
            if (!city) {
                assertThat(alarmRegions).as(username).allMatch(scope::contains);
            }
            boolean receiverAdmin = admin || username.equals("city.safety");
            for (String url : List.of("/api/v1/monitoring/quarantine", "/api/v1/monitoring/rejects",
                    "/api/v1/monitoring/receiver", "/api/v1/monitoring/receiver/sources")) {
                assertThat(status(username, url)).as(username + " " + url).isEqualTo(receiverAdmin ? 200 : 403);
            }
            List<String> complianceRegions = codes(username, "/api/v1/monitoring/reduction-compliance",
                    "$.lines[*].regionCode");
            if (!city) {
                assertThat(complianceRegions).as(username).allMatch(scope::contains);
            }
            if (username.equals("demo.officer")) {
                assertThat(codes(username, "/api/v1/monitoring/reduction-compliance", "$.lines[*].enterpriseCode"))
                        .allMatch("911410023123456732"::equals);
            }
            List<String> reductionRegions = codes(username, "/api/v1/air/reduction-list", "$[*].regionCode");
            if (!city) {
                assertThat(reductionRegions).as(username).allMatch(scope::contains);
            }
            for (String open : List.of("/api/v1/air/regions/current", "/api/v1/air/regions/daily" + days,
                    "/api/v1/air/statistics?year=2026", "/api/v1/air/forecasts?from=2026-01-01",
                    "/api/v1/air/warnings/proposal", "/api/v1/air/warnings", "/api/v1/air/reduction-list/check",
                    "/api/v1/air/emission-baseline")) {
                assertThat(status(username, open)).as(username + " " + open + " (published figures)").isEqualTo(200);
            }

            assertThat(page(username, "/regions/" + other)).as(username).isEqualTo(city ? 200 : 404);
            assertThat(page(username, "/departments/" + otherDept)).as(username).isEqualTo(city ? 200 : 404);
            assertThat(page(username, "/admin/users")).as(username).isEqualTo(admin ? 200 : 403);
            assertThat(page(username, "/admin/audit")).as(username).isEqualTo(admin ? 200 : 403);
        }
    }

    @Test
    void aDepartmentSupervisorIsLimitedToTheIndustriesItsDepartmentSupervises() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/me").with(user(accounts.loadUserByUsername("city.housing"))))
                .andReturn();
        List<String> industries = JsonPath.read(result.getResponse().getContentAsString(), "$.scope.industryCodes");
        assertThat(industries).containsExactlyInAnyOrder("CONSTRUCTION", "GAS_SUPPLY", "HEAT_SUPPLY", "WATER_SUPPLY");
    }

    @Test
    void aDepartmentSupervisorSeesOnlyEnterprisesOfItsIndustries() throws Exception {
        assertThat(codes("city.housing", "/api/v1/enterprises?limit=500", "$[*].industryCode"))
                .isNotEmpty().allMatch(Set.of("CONSTRUCTION", "GAS_SUPPLY", "HEAT_SUPPLY", "WATER_SUPPLY")::contains);
        assertThat(codes("demo.officer", "/api/v1/enterprises", "$[*].creditCode"))
                .containsExactly("911410023123456732");
    }

    @Test
    void anEnterpriseOfficerIsLimitedToItsEnterprise() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/me").with(user(accounts.loadUserByUsername("demo.officer"))))
                .andReturn();
        assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.scope.enterpriseCode"))
                .isEqualTo("911410023123456732");
    }

    private int status(String username, String url) throws Exception {
        return mvc.perform(get(url).with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse()
                .getStatus();
    }

    private int page(String username, String url) throws Exception {
        return status(username, url);
    }

    private List<String> codes(String username, String url, String path) throws Exception {
        MvcResult result = mvc.perform(get(url).with(user(accounts.loadUserByUsername(username)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(username + " " + url).isEqualTo(200);
        return JsonPath.read(result.getResponse().getContentAsString(), path);
    }

    private long departmentOf(String region) {
        return jdbc.sql("select id from organization.department where region_code = :r and kind = 'EMERGENCY'")
                .param("r", region).query(Long.class).single();
    }

    /** A hazardous-chemicals enterprise in a county (never supervised by the housing department). */
    private long enterpriseIn(String region) {
        return jdbc.sql("""
                select min(id) from enterprise.enterprise where region_code = :r and industry_code = 'HAZARDOUS_CHEMICALS'
                  and credit_code <> '911410023123456732'""").param("r", region).query(Long.class).single();
    }

    /** A risk point of a hazardous-chemicals enterprise in a county (created here if the demo has none). */
    private long riskPointIn(String region) {
        return jdbc.sql("""
                select min(p.id) from risk.point p where p.region_code = :r and p.industry_code = 'HAZARDOUS_CHEMICALS'""")
                .param("r", region).query(Long.class).optional().orElseThrow();
    }

    /** A monitoring device at an enterprise, registered here directly. */
    private long deviceIn(long enterpriseId) {
        return jdbc.sql("""
                insert into monitoring.device (mn, password_hash, system_type, name, enterprise_id, credit_code,
                    region_code, zone_code, industry_code, created_at, updated_at)
                select 'SCOPE' || id || 'X' || (select count(*) from monitoring.device), 'x', '31', '测试排口', id,
                    credit_code, region_code, zone_code, industry_code, now(), now()
                from enterprise.enterprise where id = :e returning id""").param("e", enterpriseId)
                .query(Long.class).single();
    }

    private long alarmOf(long deviceId) {
        return jdbc.sql("""
                insert into monitoring.alarm (device_id, kind, credit_code, region_code, zone_code, industry_code,
                    first_at, last_at, created_at)
                select id, 'OFFLINE', credit_code, region_code, zone_code, industry_code, now(), now(), now()
                from monitoring.device where id = :d returning id""").param("d", deviceId).query(Long.class).single();
    }

    /** A hazard at an enterprise, recorded here directly (the demo has no hazards yet). */
    private long hazardIn(long enterpriseId) {
        return jdbc.sql("""
                insert into hazard.hazard (enterprise_id, credit_code, region_code, zone_code, industry_code, place,
                    description, category, level, source, found_by, found_at, status, created_at, updated_at)
                select id, credit_code, region_code, zone_code, industry_code, '测试部位', '测试隐患', 'OBJECT',
                    'GENERAL', 'GOVERNMENT', 'test', now(), 'REPORTED', now(), now()
                from enterprise.enterprise where id = :e returning id""").param("e", enterpriseId)
                .query(Long.class).single();
    }

    private long enterpriseCode(String code) {
        return jdbc.sql("select id from enterprise.enterprise where credit_code = :c").param("c", code)
                .query(Long.class).single();
    }

    private long userId(String username) {
        return jdbc.sql("select id from identity.app_user where username = :u").param("u", username)
                .query(Long.class).single();
    }
}
