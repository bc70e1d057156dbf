package cn.anhuan.shared.web;

import java.util.Locale;

import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages: a missing or out-of-scope record renders the 404 page; a stale edit renders the conflict page; a bad
 * value or a malformed upload renders the error page with its reason (400). The error page keeps the signed-in
 * user's layout (menu, language switch): exception handlers' views skip the interceptors' post-handling, so the
 * page models are added here.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class HtmlErrorHandler {

    private final PageModels pageModels;
    private final MessageSource messages;

    HtmlErrorHandler(PageModels pageModels, MessageSource messages) {
        this.pageModels = pageModels;
        this.messages = messages;
    }

    /** A form field over its length limit (or otherwise invalid) sent as a request parameter: named on a 400 page. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView invalidParameter(HandlerMethodValidationException e, HttpServletResponse response) {
        ParameterValidationResult first = e.getParameterValidationResults().get(0);
        return page(response, 400, "error.parameter.invalid", first.getMethodParameter().getParameterName(),
                messages.getMessage(first.getResolvableErrors().get(0), LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletResponse response) {
        return page(response, 404, "error.page.notFound");
    }

    /** A filter or link with a value that does not convert (a bad date typed into a URL). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        if (String.class.equals(e.getRequiredType())) {
            return page(response, 400, "error.text.unstorable", e.getName());
        }
        return page(response, 400, "error.typeMismatch", e.getName(), String.valueOf(e.getValue()));
    }

    /** A filter value outside its choices typed into a URL: the first problem's message on the error page. */
    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalidInput(InvalidInputException e, HttpServletResponse response) {
        return page(response, 400, e.problems().get(0).messageKey(), e.problems().get(0).args());
    }

    /** A rule broken by what a page sent that its form would not send (a missing version): the error page, 400. */
    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView businessRule(BusinessRuleException e, HttpServletResponse response) {
        return page(response, 400, e.messageKey(), e.args());
    }

    /** A form upload whose multipart body cannot be parsed (cut short, no boundary) or is larger than allowed. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView malformedMultipart(MultipartException e, HttpServletResponse response) {
        boolean tooLarge = e instanceof MaxUploadSizeExceededException;
        return page(response, tooLarge ? 413 : 400, tooLarge ? "error.uploadTooLarge" : "error.multipart");
    }

    /**
     * Tomcat could not read the request's parameters: a multipart body cut short, without a boundary or over the
     * size limits (its parameters are read first by the language switch, before any multipart argument), or a
     * form body that is not valid URL encoding.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView unreadableParameters(InvalidParameterException e, HttpServletRequest request,
                                      HttpServletResponse response) {
        if (e.getErrorCode() == 413) {
            return page(response, 413, "error.uploadTooLarge");
        }
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        return page(response, 400, multipart ? "error.multipart" : "error.parameters");
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletResponse response) {
        return page(response, 409, e.messageKey(), e.args());
    }

    private ModelAndView page(HttpServletResponse response, int status, String messageKey, Object... args) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        page.addObject("messageKey", messageKey);
        page.addObject("messageArgs", args);
        pageModels.addTo(page);
        return page;
    }
}
