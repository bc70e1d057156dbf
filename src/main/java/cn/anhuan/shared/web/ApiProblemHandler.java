package cn.anhuan.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.NotFoundException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Turns every API error into RFC 9457 problem details with a message in the caller's language. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", text("error.notFound", e.entity(), e.id()));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", text(e.messageKey(), e.args()));
    }

    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail businessRule(BusinessRuleException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", text(e.messageKey(), e.args()));
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", text(e.messageKey(), e.args()))));
        }
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", text("error.validation"));
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", text(p.messageKey(), p.args()))).toList());
        return problem;
    }

    /** A multipart body that cannot be parsed (no boundary, cut short): the client's fault, not the server's. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformedMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid", text("error.multipart"));
    }

    /** Tomcat could not read the parameters: a broken or too large multipart body, or a form body that is not URL encoding. */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail unreadableParameters(InvalidParameterException e, jakarta.servlet.http.HttpServletRequest request) {
        if (e.getErrorCode() == 413) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", text("error.uploadTooLarge"));
        }
        String type = request.getContentType();
        return problem(HttpStatus.BAD_REQUEST, "invalid", text(type != null && type.toLowerCase(java.util.Locale.ROOT)
                .startsWith("multipart/") ? "error.multipart" : "error.parameters"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", text("error.forbidden"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", text("error.validation"));
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", fieldMessage(f)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", text("error.validation"));
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", messages.getMessage(err, LocaleContextHolder.getLocale()))))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A query or path parameter that does not convert (a bad date, a word for a number): named in the problem. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName()
                : ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName() : "?";
        String message = String.class.equals(ex.getRequiredType()) ? text("error.text.unstorable", field)
                : text("error.typeMismatch", field, String.valueOf(ex.getValue()));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A JSON text field PostgreSQL could not store ({@link StorableText}): 400 naming the field by its path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof StorableText.UnstorableTextException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof StorableText.UnstorableTextException unstorable)) {
            return super.handleHttpMessageNotReadable(ex, headers, status, request);
        }
        String field = path(unstorable);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", text("error.validation"));
        problem.setProperty("errors", List.of(Map.of("field", field, "message", text("error.text.unstorable", field))));
        return ResponseEntity.badRequest().body(problem);
    }

    /** {@code items[2].name} from Jackson's path of references. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "?" : path.toString();
    }

    private String fieldMessage(FieldError error) {
        return messages.getMessage(error, LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        return problem;
    }
}
