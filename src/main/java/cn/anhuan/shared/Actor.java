package cn.anhuan.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting on this thread: the signed-in username, or {@code system} for scheduled and start-up work. */
public final class Actor {

    public static final String SYSTEM = "system";

    private Actor() {
    }

    public static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName()) ? SYSTEM
                : auth.getName();
    }

    /** Whether the signed-in user holds one of the given authorities (e.g. {@code ROLE_CITY_SUPERVISOR}). */
    public static boolean hasAny(java.util.Set<String> authorities) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> authorities.contains(a.getAuthority()));
    }
}
