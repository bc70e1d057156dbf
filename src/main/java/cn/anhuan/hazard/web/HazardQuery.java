package cn.anhuan.hazard.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.anhuan.hazard.HazardFilter;
import cn.anhuan.shared.Texts;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The filter parameters of a hazard list, on the page, the API and the export (the keyset position and page size
 * stay parameters of the handlers that page). Read by {@link Resolver} straight from the request: as
 * {@code @RequestParam}s each went through a data binder of its own, about 5 % of a list call's CPU. A value that does not convert is refused as
 * Spring refuses a {@code @RequestParam} (the same exception, so the same 400 naming the parameter).
 */
public record HazardQuery(
        @Parameter(description = "County (6-digit code) or development zone code") String region,
        @Parameter(description = "REPORTED, ASSIGNED, SUBMITTED, CLOSED, or OPEN (every status but CLOSED)") String status,
        @Parameter(description = "GENERAL or MAJOR") String level,
        @Parameter(description = "SELF, GOVERNMENT, CROSS, CITIZEN or THIRD_PARTY") String source,
        @Parameter(description = "true: open hazards past their deadline only") Boolean overdue,
        @Parameter(description = "Enterprise id") Long enterprise,
        @Parameter(description = "Regulatory industry code") String industry,
        @Parameter(description = "First day found (China time), inclusive") LocalDate from,
        @Parameter(description = "Last day found (China time), inclusive") LocalDate to) {

    public HazardFilter filter() {
        return new HazardFilter(region, status, level, source, overdue, enterprise, industry, from, to);
    }

    static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == HazardQuery.class;
        }

        @Override
        public HazardQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) {
            return new HazardQuery(request.getParameter("region"), request.getParameter("status"),
                    request.getParameter("level"), request.getParameter("source"),
                    bool(request, parameter, "overdue"), number(request, parameter, "enterprise"),
                    request.getParameter("industry"), date(request, parameter, "from"), date(request, parameter, "to"));
        }

        /** As Spring converts a Boolean: true/on/yes/1, false/off/no/0, any case; empty is absent. */
        static Boolean bool(NativeWebRequest request, MethodParameter parameter, String name) {
            String value = value(request, name);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "on", "yes", "1" -> Boolean.TRUE;
                case "false", "off", "no", "0" -> Boolean.FALSE;
                default -> throw mismatch(value, Boolean.class, name, parameter, null);
            };
        }

        static Long number(NativeWebRequest request, MethodParameter parameter, String name) {
            String value = value(request, name);
            try {
                return value == null ? null : Long.valueOf(value);
            } catch (NumberFormatException e) {
                throw mismatch(value, Long.class, name, parameter, e);
            }
        }

        static LocalDate date(NativeWebRequest request, MethodParameter parameter, String name) {
            String value = value(request, name);
            try {
                return value == null ? null : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw mismatch(value, LocalDate.class, name, parameter, e);
            }
        }

        /** The parameter's value without surrounding blanks; absent or empty as null. */
        private static String value(NativeWebRequest request, String name) {
            return Texts.trimToNull(request.getParameter(name));
        }

        private static MethodArgumentTypeMismatchException mismatch(String value, Class<?> type, String name,
                MethodParameter parameter, Throwable cause) {
            return new MethodArgumentTypeMismatchException(value, type, name, parameter, cause);
        }
    }
}
