package cn.anhuan.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every filter of the hazard list (county or zone, industry, source, dates found) against the same condition
 * counted in SQL, on the API and the page, and a bad date answered with a message naming the parameter.
 */
@IntegrationTest
class HazardFilterTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    private List<Integer> ids(String query) throws Exception {
        String body = mvc.perform(get("/api/v1/hazards?limit=500&" + query)
                        .with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$[*].id");
    }

    private List<Integer> expected(String where) {
        return jdbc.sql("select id::int from hazard.hazard where " + where + " order by id desc limit 500")
                .query(Integer.class).list();
    }

    @Test
    void eachFilterSelectsWhatItsConditionSelects() throws Exception {
        jdbc.sql("""
                insert into hazard.hazard (enterprise_id, credit_code, region_code, zone_code, industry_code, place,
                    description, category, level, source, found_by, found_at, status, created_at, updated_at)
                select id, credit_code, region_code, 'Z14100001', industry_code, '开发区部位', '筛选测试', 'OBJECT',
                    'GENERAL', 'CROSS', 'test', timestamptz '2025-03-10 23:30:00+08', 'REPORTED', now(), now()
                from enterprise.enterprise where credit_code = '911410023123456732'""").update();
        String industry = jdbc.sql("select industry_code from hazard.hazard group by industry_code order by count(*) desc limit 1")
                .query(String.class).single();

        assertThat(ids("region=141081")).isEqualTo(expected("region_code = '141081'"));
        assertThat(ids("region=Z14100001")).isNotEmpty().isEqualTo(expected("zone_code = 'Z14100001'"));
        assertThat(ids("industry=" + industry)).isNotEmpty().isEqualTo(expected("industry_code = '" + industry + "'"));
        assertThat(ids("source=CROSS")).isNotEmpty().isEqualTo(expected("source = 'CROSS'"));
        assertThat(ids("from=2025-03-10&to=2025-03-10")).as("a whole day in China time").isNotEmpty()
                .isEqualTo(expected("found_at >= timestamptz '2025-03-10 00:00+08' and found_at < timestamptz '2025-03-11 00:00+08'"));
        assertThat(ids("from=2025-03-11&to=2025-03-11")).doesNotContainAnyElementsOf(ids("from=2025-03-10&to=2025-03-10"));
        assertThat(ids("status=OPEN")).as("OPEN: every hazard not yet closed (未销号)")
                .isEqualTo(expected("status <> 'CLOSED'"));
        assertThat(ids("region=141002&status=REPORTED&source=CROSS&industry=" + industry))
                .isEqualTo(expected("region_code = '141002' and status = 'REPORTED' and source = 'CROSS' and industry_code = '"
                        + industry + "'"));

        mvc.perform(get("/api/v1/hazards?from=2025-13-40").with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("2025-13-40")));
        for (String bad : new String[] {"overdue=maybe", "enterprise=abc", "to=1.3.2025", "before=x", "limit=many"}) {
            String field = bad.substring(0, bad.indexOf('='));
            mvc.perform(get("/api/v1/hazards?" + bad).with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.detail", Matchers.containsString(bad.substring(field.length() + 1))));
        }
        assertThat(ids("overdue=yes")).as("Boolean words as Spring reads them").isEqualTo(ids("overdue=true"))
                .isEqualTo(ids("overdue=ON")).isEqualTo(ids("overdue=1"));
        assertThat(ids("overdue=no")).isEqualTo(ids("overdue=false")).isEqualTo(ids("")).isNotEmpty();
        assertThat(ids("overdue=&enterprise=&from=&to=")).as("empty values are no filter").isEqualTo(ids(""));
        String page = mvc.perform(get("/hazards?region=Z14100001&from=2025-03-10&to=2025-03-10")
                        .with(user(users.loadUserByUsername("city.safety"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("开发区部位").contains("value=\"2025-03-10\"");
        mvc.perform(get("/hazards?from=yesterday").with(user(users.loadUserByUsername("city.safety"))))
                .andExpect(status().isBadRequest());

        // a status, level or source outside its choices is refused with the parameter and the choices named
        mvc.perform(get("/api/v1/hazards?status=PENDING").with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message", Matchers.allOf(Matchers.containsString("PENDING"),
                        Matchers.containsString("ASSIGNED, CLOSED, OPEN, REPORTED, SUBMITTED"))));
        mvc.perform(get("/api/v1/hazards?source=x' or 'a'='a").with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("source"));
        String refused = mvc.perform(get("/hazards?level=HIGH").with(user(users.loadUserByUsername("city.safety"))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("HIGH").contains("GENERAL, MAJOR");
    }
}
