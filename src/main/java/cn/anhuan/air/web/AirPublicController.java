package cn.anhuan.air.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public air-quality page (no login): current AQI of every county on a map and in a table, and trends. */
@Controller
class AirPublicController {

    private final PublicAirView view;

    AirPublicController(PublicAirView view) {
        this.view = view;
    }

    @GetMapping("/air/public")
    String page(Model model) {
        model.addAttribute("data", view.data());
        return "air/public";
    }
}
