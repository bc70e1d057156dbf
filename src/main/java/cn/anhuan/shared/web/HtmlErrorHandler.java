package cn.anhuan.shared.web;

import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages: a missing or out-of-scope record renders the 404 page; a stale edit renders the conflict page. The error
 * page keeps the signed-in user's layout (menu, language switch): exception handlers' views skip the
 * interceptors' post-handling, so the page models are added here.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class HtmlErrorHandler {

    private final PageModels pageModels;

    HtmlErrorHandler(PageModels pageModels) {
        this.pageModels = pageModels;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletResponse response) {
        return page(response, 404, "error.page.notFound");
    }

    /** A filter or link with a value that does not convert (a bad date typed into a URL). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        return page(response, 400, "error.typeMismatch", e.getName(), String.valueOf(e.getValue()));
    }

    /** A filter value outside its choices typed into a URL: the first problem's message on the error page. */
    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalidInput(InvalidInputException e, HttpServletResponse response) {
        return page(response, 400, e.problems().get(0).messageKey(), e.problems().get(0).args());
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
