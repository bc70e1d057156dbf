package cn.anhuan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The language switch's address: the page's GET address with its query kept and only {@code lang} replaced. */
class LanguageLinksTests {

    private static final Set<String> GET_PATHS = Set.of("/enterprises/7", "/hazards", "/");

    @Test
    void aListKeepsItsFiltersEncodedAndReplacesOnlyLang() {
        MockHttpServletRequest list = new MockHttpServletRequest("GET", "/hazards");
        list.setQueryString("status=SUBMITTED&lang=en&q=%E5%8C%96%E5%B7%A5&language=x");
        String page = LanguageLinks.pageOf(list, GET_PATHS::contains);
        assertThat(LanguageLinks.link(list, page, "zh-CN"))
                .isEqualTo("/hazards?status=SUBMITTED&q=%E5%8C%96%E5%B7%A5&language=x&lang=zh-CN");
    }

    @Test
    void aPageWithoutQueryGetsOnlyLang() {
        MockHttpServletRequest home = new MockHttpServletRequest("GET", "/");
        assertThat(LanguageLinks.link(home, LanguageLinks.pageOf(home, GET_PATHS::contains), "en")).isEqualTo("/?lang=en");
    }

    @Test
    void aPageRenderedForAPostLinksToTheNearestGetPathWithoutThePostedValues() {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/anhuan/enterprises/7/details");
        post.setContextPath("/anhuan");
        post.setQueryString("employees=x");
        String page = LanguageLinks.pageOf(post, GET_PATHS::contains);
        assertThat(LanguageLinks.link(post, page, "en")).isEqualTo("/anhuan/enterprises/7?lang=en");

        MockHttpServletRequest nowhere = new MockHttpServletRequest("POST", "/x/y");
        assertThat(LanguageLinks.pageOf(nowhere, p -> false)).isEqualTo("/");
    }

    @Test
    void anErrorPageLinksToTheAddressThatFailed() {
        MockHttpServletRequest error = new MockHttpServletRequest("GET", "/error");
        error.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/hazards/reports");
        assertThat(LanguageLinks.link(error, LanguageLinks.pageOf(error, GET_PATHS::contains), "en"))
                .isEqualTo("/hazards/reports?lang=en");
    }

    @Test
    void anErrorPageOfAFailedPostLinksToItsNearestGetPath() {
        MockHttpServletRequest error = new MockHttpServletRequest("POST", "/error");
        error.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/hazards/12/submit");
        assertThat(LanguageLinks.link(error, LanguageLinks.pageOf(error, p -> p.equals("/hazards/12")), "en"))
                .isEqualTo("/hazards/12?lang=en");
    }

    @Test
    void aPathThatABrowserWouldReadAsAnotherSiteLinksHome() {
        MockHttpServletRequest slashes = new MockHttpServletRequest("GET", "//evil.example/x");
        assertThat(LanguageLinks.link(slashes, LanguageLinks.pageOf(slashes, p -> true), "en")).isEqualTo("/?lang=en");
        MockHttpServletRequest backslash = new MockHttpServletRequest("GET", "/\\evil.example/x");
        assertThat(LanguageLinks.link(backslash, LanguageLinks.pageOf(backslash, p -> true), "en")).isEqualTo("/?lang=en");
    }
}
