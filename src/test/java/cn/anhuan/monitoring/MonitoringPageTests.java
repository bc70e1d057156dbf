package cn.anhuan.monitoring;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anhuan.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The monitoring pages: lists, the registration form with field errors, scope on a device page. */
@IntegrationTest
class MonitoringPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor as(String name) {
        return user(users.loadUserByUsername(name));
    }

    @Test
    void pagesRenderForTheRolesThatUseThem() throws Exception {
        mvc.perform(get("/monitoring").with(as("city.env"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("L126000354")));
        mvc.perform(get("/monitoring/alarms").with(as("yaodu.safety"))).andExpect(status().isOk());
        mvc.perform(get("/monitoring/quarantine").with(as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/monitoring/quarantine").with(as("yaodu.safety"))).andExpect(status().isForbidden());
        long device = jdbc.sql("select id from monitoring.device where mn = 'LD130133000015'").query(Long.class).single();
        String region = jdbc.sql("select region_code from monitoring.device where id = :d").param("d", device)
                .query(String.class).single();
        mvc.perform(get("/monitoring/devices/" + device).with(as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/monitoring/devices/" + device).with(as(region.equals("141081") ? "yaodu.safety" : "houma.safety")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBadLimitIsRefusedWithAMessageAndStoresNothing() throws Exception {
        long device = jdbc.sql("select id from monitoring.device where mn = 'L126000354'").query(Long.class).single();
        long before = jdbc.sql("select count(*) from monitoring.emission_limit where device_id = :d").param("d", device)
                .query(Long.class).single();
        for (String[] bad : new String[][] {{"a21026", "abc", "3"}, {"a21026", "-5", "3"}, {"a 21026", "35", "3"},
                {"a21026", "35", "0"}}) {
            mvc.perform(post("/monitoring/devices/" + device + "/limits").with(as("admin")).with(csrf())
                            .param("pollutant", bad[0]).param("limit", bad[1]).param("sustained", bad[2])
                            .param("dataCn", "2051"))
                    .andExpect(redirectedUrlPattern("/monitoring/devices/*"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("limitError", true));
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from monitoring.emission_limit where device_id = :d")
                .param("d", device).query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theRegistrationFormShowsFieldErrorsAndKeepsInput() throws Exception {
        mvc.perform(post("/monitoring/devices").with(as("admin")).with(csrf()).param("mn", "bad mn!")
                        .param("password", "123456").param("systemType", "31").param("name", "测试设备")
                        .param("creditCode", ReceiverTests.ENTERPRISE))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is-invalid")))
                .andExpect(content().string(Matchers.containsString("测试设备")));
        mvc.perform(post("/monitoring/devices").with(as("admin")).with(csrf()).param("mn", "PAGE0000000001")
                        .param("password", "123456").param("systemType", "31").param("name", "测试设备")
                        .param("creditCode", "91141002MA0000000X"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("找不到统一社会信用代码")));
        mvc.perform(post("/monitoring/devices").with(as("admin")).with(csrf()).param("mn", "PAGE0000000001")
                        .param("password", "123456").param("systemType", "31").param("name", "测试设备")
                        .param("creditCode", ReceiverTests.ENTERPRISE).param("expectedIntervalSeconds", "60"))
                .andExpect(redirectedUrlPattern("/monitoring/devices/*"));
    }
}
