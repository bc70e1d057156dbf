package cn.anhuan.shared;

import org.springframework.web.servlet.ModelAndView;

/**
 * Something every rendered page's layout needs (the signed-in user, the unread count). Beans of this type are
 * called after the handler and only when a page is rendered (not for API calls, redirects or downloads), so
 * the rest pay nothing for them.
 */
public interface PageModel {

    void addTo(ModelAndView page);
}
