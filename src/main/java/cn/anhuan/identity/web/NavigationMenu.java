package cn.anhuan.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.anhuan.identity.AnhuanUser;
import cn.anhuan.identity.CurrentUser;
import cn.anhuan.identity.Role;
import cn.anhuan.shared.PageModel;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * The signed-in user's left navigation: the groups and items of the platform that the user's role may open (as
 * {@code menu}, the current page's item marked active), and the actions it may take (as {@code can}, a set of
 * names from {@link PageRights#ACTIONS}). Nothing for a page without a signed-in user.
 */
@Component
class NavigationMenu implements PageModel {

    /** A link of the menu; {@code id} is the element id tests and users' bookmarks of the old bar rely on. */
    record Item(String id, String href, String key, Set<Role> roles) {
    }

    /** A group heading with its items. */
    record Group(String key, List<Item> items) {
    }

    /** What one user sees: a group's visible items, the active one named by its href. */
    record Visible(String key, List<Item> items) {
    }

    static final List<Group> GROUPS = List.of(
            new Group("nav.group.workbench", List.of(
                    new Item("nav-home", "/", "nav.home", PageRights.EVERYONE),
                    new Item("nav-notifications", "/notifications", "notifications.title", PageRights.EVERYONE),
                    new Item("nav-account", "/account", "nav.account", PageRights.EVERYONE))),
            new Group("nav.group.hazards", List.of(
                    new Item("nav-hazards", "/hazards", "nav.hazards", PageRights.EVERYONE),
                    new Item("nav-citizen-reports", "/hazards/reports", "nav.citizenReports", PageRights.EDITORS))),
            new Group("nav.group.enterprises", List.of(
                    new Item("nav-enterprises", "/enterprises", "nav.enterprises", PageRights.EVERYONE),
                    new Item("nav-risk", "/risk", "nav.risk", PageRights.EVERYONE),
                    new Item("nav-risk-map", "/risk/map", "nav.riskMap", PageRights.GOVERNMENT))),
            new Group("nav.group.environment", List.of(
                    new Item("nav-air", "/air/public", "nav.air", PageRights.EVERYONE),
                    new Item("nav-stations", "/air/stations", "nav.airStations", PageRights.GOVERNMENT),
                    new Item("nav-statistics", "/air/statistics", "nav.airStatistics", PageRights.GOVERNMENT),
                    new Item("nav-warnings", "/air/warnings", "nav.airWarnings", PageRights.GOVERNMENT),
                    new Item("nav-reduction-list", "/air/reduction", "nav.reductionList", PageRights.GOVERNMENT),
                    new Item("nav-calculator", "/air/calculator", "nav.airCalculator", PageRights.EVERYONE))),
            new Group("nav.group.monitoring", List.of(
                    new Item("nav-monitoring", "/monitoring", "nav.devices", PageRights.EVERYONE),
                    new Item("nav-alarms", "/monitoring/alarms", "nav.alarms", PageRights.EVERYONE),
                    new Item("nav-reduction-check", "/monitoring/reduction", "nav.reductionCheck",
                            PageRights.GOVERNMENT),
                    new Item("nav-quarantine", "/monitoring/quarantine", "nav.quarantine", PageRights.CITY_STAFF))),
            new Group("nav.organization", List.of(
                    new Item("nav-regions", "/regions", "nav.regions", PageRights.GOVERNMENT),
                    new Item("nav-departments", "/departments", "nav.departments", PageRights.GOVERNMENT),
                    new Item("nav-industries", "/industries", "nav.industries", PageRights.GOVERNMENT))),
            new Group("nav.admin", List.of(
                    new Item("nav-users", "/admin/users", "nav.users", PageRights.ADMIN),
                    new Item("nav-tokens", "/admin/tokens", "nav.allTokens", PageRights.ADMIN),
                    new Item("nav-audit", "/admin/audit", "nav.audit", PageRights.ADMIN),
                    new Item("nav-jobs", "/admin/jobs", "nav.jobs", PageRights.ADMIN))));

    @Override
    public void addTo(ModelAndView page) {
        AnhuanUser me = CurrentUser.current().orElse(null);
        if (me == null) {
            return;
        }
        page.addObject("menu", visible(me.role()));
        page.addObject("activeHref", active(path()));
        Set<String> can = new TreeSet<>();
        PageRights.ACTIONS.forEach((action, roles) -> {
            if (roles.contains(me.role())) {
                can.add(action);
            }
        });
        page.addObject("can", can);
    }

    static List<Visible> visible(Role role) {
        List<Visible> groups = new ArrayList<>();
        for (Group g : GROUPS) {
            List<Item> items = g.items().stream().filter(i -> i.roles().contains(role)).toList();
            if (!items.isEmpty()) {
                groups.add(new Visible(g.key(), items));
            }
        }
        return groups;
    }

    /** The item whose address is the longest prefix of the page's path ("/" only for the home page itself). */
    static String active(String path) {
        String best = null;
        for (Group g : GROUPS) {
            for (Item i : g.items()) {
                boolean matches = i.href().equals("/") ? path.equals("/")
                        : path.equals(i.href()) || path.startsWith(i.href() + "/");
                if (matches && (best == null || i.href().length() > best.length())) {
                    best = i.href();
                }
            }
        }
        return best;
    }

    /** The page's own path without the context path; on an error page the path that failed. */
    private static String path() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "";
        }
        HttpServletRequest request = attributes.getRequest();
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        return uri.substring(Math.min(request.getContextPath().length(), uri.length()));
    }
}
