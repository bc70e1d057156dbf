package cn.anhuan.identity.web;

import cn.anhuan.identity.CurrentUser;
import cn.anhuan.shared.PageModel;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** The signed-in user in every rendered page's model as {@code me}, for the layout. */
@Component
class CurrentUserModel implements PageModel {

    @Override
    public void addTo(ModelAndView page) {
        page.addObject("me", CurrentUser.current().orElse(null));
    }
}
