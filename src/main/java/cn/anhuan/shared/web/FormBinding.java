package cn.anhuan.shared.web;

import java.beans.PropertyEditorSupport;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Form records (model attributes built through their constructor): a text field left empty or with only
 * blanks arrives as null, so an optional field with a format (a phone number, an industry code, a credit code
 * that only one role needs) is simply absent, and a required one fails {@code @NotBlank}/{@code @NotNull}
 * with its own message. Text is not trimmed here: a password keeps its spaces. Single request parameters are
 * left alone, so a required parameter sent empty still reaches its handler.
 */
@ControllerAdvice(annotations = Controller.class)
class FormBinding {

    @InitBinder
    void blankAsNull(WebDataBinder binder) {
        if (binder.getTarget() == null && binder.getTargetType() != null) {
            binder.registerCustomEditor(String.class, new BlankAsNull());
        }
    }

    /** Empty or blank text as null, any other text unchanged. */
    static final class BlankAsNull extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(text == null || text.isBlank() ? null : text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
