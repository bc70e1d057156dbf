package cn.anhuan.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three filter chains: the API (HTTP Basic, Bearer token or the page session read-only; CSRF token for session
 * writes, cross-site Basic writes refused; problem details), the actuator (health open, the rest for
 * administrators), and the pages (form login, session, CSRF, strict CSP). Swagger UI and the OpenAPI
 * description are pages: signed-in users only.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * No Micrometer observation around every security filter: measured on the hazard list at 8 clients, the
     * per-filter observations cost more CPU than the query. Requests stay observed as a whole
     * ({@code http.server.requests}); authentication outcomes are in the audit trail and the log.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * Spring's strict firewall with its default character rules (every character assigned, no control character;
     * a tab allowed in header values) checked by a loop instead of the default regular expressions, which took
     * a tenth of the CPU of an API request here.
     */
    @Bean
    org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer firewall() {
        org.springframework.security.web.firewall.StrictHttpFirewall firewall =
                new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowedHeaderNames(s -> printable(s, false));
        firewall.setAllowedHeaderValues(s -> printable(s, true));
        firewall.setAllowedParameterNames(s -> printable(s, false));
        return web -> web.httpFirewall(firewall);
    }

    /** The firewall's default rule: no unassigned code point and no ISO control character (but a tab if asked). */
    static boolean printable(String s, boolean tab) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.getType(cp) == Character.UNASSIGNED || (Character.isISOControl(cp) && !(tab && cp == '\t'))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenAuthentication tokens, ProblemResponses problems,
                                 UserRepository users, ScopeResolver scopes) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .requestMatchers("/api/v1/users/**", "/api/v1/audit/**").hasRole(Role.SYSTEM_ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("anhuan").authenticationEntryPoint(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiBrowserGuard(problems), BearerTokenFilter.class)
                // A signed-in browser's session counts here too (page features call the API), read-only.
                .securityContext(c -> c.securityContextRepository(new SessionLogin()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(c -> c.requireCsrfProtectionMatcher(ApiBrowserGuard.SESSION_WRITES))
                .addFilterBefore(new SessionRefreshFilter(users, scopes, true), AuthorizationFilter.class)
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                // No servlet-API request wrapper: nothing reads the user through the request (getUserPrincipal etc.).
                .servletApi(s -> s.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .withObjectPostProcessor(writeHeadersFirst()));
        return http.build();
    }

    /**
     * The API's security headers are written before the request is handled instead of when the response is
     * committed, so the response needs no wrapper watching every write (no API handler sets these headers itself).
     */
    private static org.springframework.security.config.ObjectPostProcessor<
            org.springframework.security.web.header.HeaderWriterFilter> writeHeadersFirst() {
        return new org.springframework.security.config.ObjectPostProcessor<>() {
            @Override
            public <O extends org.springframework.security.web.header.HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        };
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Role.SYSTEM_ADMIN.name()))
                .httpBasic(b -> b.realmName("anhuan").authenticationEntryPoint(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, UserRepository users, ScopeResolver scopes) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/air/calculator", "/air/public/**", "/public/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.SYSTEM_ADMIN.name())
                        .anyRequest().authenticated())
                // One answer for every failure (wrong password, unknown name, delayed attempt, disabled account).
                .formLogin(f -> f.loginPage("/login").successHandler(new RelativeLoginSuccess())
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                request.getContextPath() + "/login?error")))
                .exceptionHandling(e -> e.authenticationEntryPoint(loginPage()))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new SessionRefreshFilter(users, scopes, false), AuthorizationFilter.class);
        return http.build();
    }

    /** To the sign-in page by a relative URL: an absolute one would be built from the request's Host header. */
    private static org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint loginPage() {
        var entryPoint = new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }
}
