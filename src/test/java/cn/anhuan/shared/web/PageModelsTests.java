package cn.anhuan.shared.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anhuan.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The layout's user and unread count reach rendered pages, and API answers carry no model. */
@IntegrationTest
class PageModelsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void renderedPagesGetTheUserAndTheUnreadCountApiCallsDoNot() throws Exception {
        jdbc.sql("""
                insert into notification.notification (recipient, kind, message, args, created_at)
                select 'yaodu.safety', 'TEST', 'notification.test', '[]', now() from generate_series(1, 3)""").update();
        long unread = jdbc.sql("""
                select count(*) from notification.notification where recipient = 'yaodu.safety' and read_at is null""")
                .query(Long.class).single();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("yaodu.safety")
                .password(IntegrationTest.PASSWORD)).andReturn().getRequest().getSession(false);

        mvc.perform(get("/").session(session)).andExpect(status().isOk())
                .andExpect(model().attribute("me", Matchers.hasProperty("username", Matchers.is("yaodu.safety"))))
                .andExpect(model().attribute("unreadNotifications", unread))
                .andExpect(content().string(Matchers.containsString("id=\"unread-count\"")));
        mvc.perform(get("/api/v1/hazards?limit=1").with(httpBasic("yaodu.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(r -> org.assertj.core.api.Assertions.assertThat(r.getModelAndView()).isNull());
    }
}
