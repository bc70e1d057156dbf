package cn.anhuan.identity.web;

import cn.anhuan.identity.AnhuanUser;
import cn.anhuan.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user into every page's model as {@code me}, for the layout. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("me")
    AnhuanUser me() {
        return CurrentUser.current().orElse(null);
    }
}
