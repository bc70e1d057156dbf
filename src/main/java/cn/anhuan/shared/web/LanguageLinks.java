package cn.anhuan.shared.web;

import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

import cn.anhuan.shared.PageModel;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The language switch's links ({@code langLinks.zh}, {@code langLinks.en}): the page's own GET address with its
 * query (the list's filters) and {@code lang} replaced. A page rendered for a POST (a form with errors) links to
 * the page it belongs to without the posted values (its path, or the nearest parent path a GET handler answers:
 * {@code /enterprises/7/details} is the form of {@code /enterprises/7}), and an error page to the address that
 * failed (for a failed POST, again its nearest GET path), so the switch is always a plain GET and never
 * resubmits a form.
 */
@Component
class LanguageLinks implements PageModel {

    // Looked up when first needed: the handler mapping is built from the MVC configurers, this bean among them.
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    LanguageLinks(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void addTo(ModelAndView page) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String address = pageOf(request, this::answersGet);
            page.addObject("langLinks", Map.of("zh", link(request, address, "zh-CN"), "en", link(request, address, "en")));
        }
    }

    /** The GET address (context path included, no query) of the page that {@code request} rendered. */
    static String pageOf(HttpServletRequest request, Predicate<String> answersGet) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        if ("GET".equals(request.getMethod())) {
            return uri;
        }
        String context = request.getContextPath();
        String path = uri.substring(Math.min(context.length(), uri.length()));
        while (!path.isEmpty() && !answersGet.test(path)) {
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return context + (path.isEmpty() ? "/" : path);
    }

    static String link(HttpServletRequest request, String page, String lang) {
        if (!page.startsWith("/") || page.startsWith("//") || page.contains("\\")) {
            // Browsers read "//host", and a backslash after the slash, as another site (the firewall refuses both).
            page = request.getContextPath() + "/";
        }
        boolean sameRequest = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null
                && "GET".equals(request.getMethod());
        return page + "?" + withLang(sameRequest ? request.getQueryString() : null, lang);
    }

    private boolean answersGet(String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        for (RequestMappingInfo info : mappings.getObject().getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            if ((methods.isEmpty() || methods.contains(RequestMethod.GET)) && info.getPathPatternsCondition() != null
                    && info.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(parsed))) {
                return true;
            }
        }
        return false;
    }

    /** The raw query (still percent-encoded) without its {@code lang} parameters, then {@code lang=tag}. */
    static String withLang(String query, String lang) {
        StringJoiner joined = new StringJoiner("&");
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !name.equals("lang")) {
                    joined.add(pair);
                }
            }
        }
        joined.add("lang=" + lang);
        return joined.toString();
    }
}
