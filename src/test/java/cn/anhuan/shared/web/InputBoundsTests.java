package cn.anhuan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.anhuan.IntegrationTest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every text a change accepts has a length limit that is checked before it reaches the database: each String of
 * every command, form and JSON body record (nested records too) carries {@code @Size} or a bounded
 * {@code @Pattern}, and the handler validates it ({@code @Valid}); each String request parameter of a POST or PUT
 * handler does the same. A new handler or field without a limit fails this test. Uploads (handlers taking a file)
 * have limits of their own and are left out here.
 */
@IntegrationTest
class InputBoundsTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyTextThatAChangeAcceptsHasALengthLimit() {
        List<String> unbounded = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!handler.getBeanType().getPackageName().startsWith("cn.anhuan")
                    || methods.stream().noneMatch(m -> m == RequestMethod.POST || m == RequestMethod.PUT)) {
                return;
            }
            MethodParameter[] parameters = handler.getMethodParameters();
            if (java.util.Arrays.stream(parameters).anyMatch(p -> p.getParameterType() == MultipartFile.class)) {
                return;
            }
            for (MethodParameter p : parameters) {
                check(handler, p, unbounded);
            }
        });
        assertThat(unbounded).isEmpty();
    }

    private static void check(HandlerMethod handler, MethodParameter p, List<String> unbounded) {
        String where = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName() + "("
                + p.getParameterName() + ")";
        Class<?> type = p.getParameterType();
        if (p.hasParameterAnnotation(RequestParam.class) && type == String.class) {
            if (!p.hasParameterAnnotation(Size.class) && !p.hasParameterAnnotation(Pattern.class)) {
                unbounded.add(where);
            }
        }
        boolean body = p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(ModelAttribute.class);
        if (body && type.isRecord()) {
            if (!p.hasParameterAnnotation(Valid.class)) {
                unbounded.add(where + " is not @Valid");
            }
            components(where, type, unbounded, 0);
        }
    }

    private static void components(String where, Class<?> record, List<String> unbounded, int depth) {
        for (RecordComponent c : record.getRecordComponents()) {
            String name = where + "." + c.getName();
            AnnotatedElement field = field(record, c);
            if (c.getType() == String.class && !bounded(field)) {
                unbounded.add(name);
            }
            Class<?> nested = c.getType().isRecord() ? c.getType() : element(c.getGenericType());
            if (nested != null && nested.isRecord() && nested.getPackageName().startsWith("cn.anhuan") && depth < 4) {
                if (!field.isAnnotationPresent(Valid.class)) {
                    unbounded.add(name + " is not @Valid");
                }
                components(name, nested, unbounded, depth + 1);
            }
        }
    }

    private static AnnotatedElement field(Class<?> record, RecordComponent c) {
        try {
            return record.getDeclaredField(c.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean bounded(AnnotatedElement e) {
        return e.isAnnotationPresent(Size.class) || e.isAnnotationPresent(Pattern.class);
    }

    private static Class<?> element(Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
