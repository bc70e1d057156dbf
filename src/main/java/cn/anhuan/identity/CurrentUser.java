package cn.anhuan.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of this thread. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<AnhuanUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AnhuanUser u ? Optional.of(u) : Optional.empty();
    }

    static String currentUsername() {
        return current().map(AnhuanUser::username).orElse("");
    }
}
