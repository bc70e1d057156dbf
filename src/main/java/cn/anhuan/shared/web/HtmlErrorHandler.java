package cn.anhuan.shared.web;

import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Pages: a missing or out-of-scope record renders the 404 page; a stale edit renders the conflict page; a bad
 * value or a malformed upload renders the error page with its reason (400).
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class HtmlErrorHandler {

    private final MessageSource messages;

    HtmlErrorHandler(MessageSource messages) {
        this.messages = messages;
    }

    /** A form field over its length limit (or otherwise invalid) sent as a request parameter: named on a 400 page. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    String invalidParameter(HandlerMethodValidationException e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        ParameterValidationResult first = e.getParameterValidationResults().get(0);
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", "error.parameter.invalid");
        model.addAttribute("messageArgs", new Object[] {first.getMethodParameter().getParameterName(),
                messages.getMessage(first.getResolvableErrors().get(0), LocaleContextHolder.getLocale())});
        return "error";
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "error.page.notFound");
        model.addAttribute("messageArgs", new Object[0]);
        return "error";
    }

    /** A filter or link with a value that does not convert (a bad date typed into a URL). */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    String typeMismatch(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e,
                        HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        boolean text = String.class.equals(e.getRequiredType());
        model.addAttribute("messageKey", text ? "error.text.unstorable" : "error.typeMismatch");
        model.addAttribute("messageArgs", text ? new Object[] {e.getName()}
                : new Object[] {e.getName(), String.valueOf(e.getValue())});
        return "error";
    }

    /** A filter value outside its choices typed into a URL: the first problem's message on the error page. */
    @ExceptionHandler(InvalidInputException.class)
    String invalidInput(InvalidInputException e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", e.problems().get(0).messageKey());
        model.addAttribute("messageArgs", e.problems().get(0).args());
        return "error";
    }

    /** A rule broken by what a page sent that its form would not send (a missing version): the error page, 400. */
    @ExceptionHandler(BusinessRuleException.class)
    String businessRule(BusinessRuleException e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", e.messageKey());
        model.addAttribute("messageArgs", e.args());
        return "error";
    }

    /** A form upload whose multipart body cannot be parsed (cut short, no boundary) or is larger than allowed. */
    @ExceptionHandler(MultipartException.class)
    String malformedMultipart(MultipartException e, HttpServletResponse response, Model model) {
        int status = e instanceof MaxUploadSizeExceededException ? 413 : 400;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("messageKey", status == 413 ? "error.uploadTooLarge" : "error.multipart");
        model.addAttribute("messageArgs", new Object[0]);
        return "error";
    }

    /**
     * Tomcat could not read the request's parameters: a multipart body cut short, without a boundary or over the
     * size limits (its parameters are read first by the language switch, before any multipart argument), or a
     * form body that is not valid URL encoding.
     */
    @ExceptionHandler(InvalidParameterException.class)
    String unreadableParameters(InvalidParameterException e, HttpServletRequest request, HttpServletResponse response,
                                Model model) {
        int status = e.getErrorCode() == 413 ? 413 : 400;
        response.setStatus(status);
        model.addAttribute("status", status);
        String type = request.getContentType();
        model.addAttribute("messageKey", status == 413 ? "error.uploadTooLarge" : type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/") ? "error.multipart"
                : "error.parameters");
        model.addAttribute("messageArgs", new Object[0]);
        return "error";
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("status", 409);
        model.addAttribute("messageKey", e.messageKey());
        model.addAttribute("messageArgs", e.args());
        return "error";
    }
}
