package cn.anhuan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Keyset-paged lists (hazards, enterprises, notifications) lead back to their first page from any later page. */
@IntegrationTest
class ListPagingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void laterPagesLinkBackToTheFirstAndTheFirstDoesNot() throws Exception {
        String first = page("/enterprises?region=141002", "city.safety");
        assertThat(first).contains("id=\"enterprises-next\"").doesNotContain("enterprises-first");
        String next = first.replaceAll("(?s).*id=\"enterprises-next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(page(next, "city.safety")).containsPattern("id=\"enterprises-first\" class=\"me-3\" href=\"/enterprises\\?[^\"]*region=141002[^\"]*\"")
                .doesNotContainPattern("id=\"enterprises-first\"[^>]*after=");

        assertThat(page("/hazards?before=" + Long.MAX_VALUE, "city.safety")).contains("id=\"hazards-first\"");
        assertThat(page("/hazards", "city.safety")).doesNotContain("hazards-first");

        for (int i = 0; i < 55; i++) {
            jdbc.sql("""
                    insert into notification.notification (recipient, kind, message, args, link, created_at)
                    values ('houma.inspector', 'TEST', 'notification.citizen.received', :a, '/hazards', now())""")
                    .param("a", "分页测试 " + i).update();
        }
        String inbox = page("/notifications", "houma.inspector");
        assertThat(inbox).contains("分页测试 54", "id=\"notifications-next\"").doesNotContain("分页测试 4<", "notifications-first");
        String older = inbox.replaceAll("(?s).*id=\"notifications-next\" href=\"([^\"]+)\".*", "$1");
        assertThat(page(older, "houma.inspector")).contains("分页测试 4，", "id=\"notifications-first\"")
                .doesNotContain("分页测试 54");
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(user(users.loadUserByUsername(username)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
