package cn.anhuan.air.web;

import cn.anhuan.air.ReductionList;
import cn.anhuan.air.WarningService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public air-quality page (no login): the warning in force with its measures, current AQI of every county on a map and in a table, and trends. */
@Controller
class AirPublicController {

    private final PublicAirView view;
    private final WarningService warnings;
    private final ReductionList reductionList;

    AirPublicController(PublicAirView view, WarningService warnings, ReductionList reductionList) {
        this.view = view;
        this.warnings = warnings;
        this.reductionList = reductionList;
    }

    @GetMapping("/air/public")
    String page(Model model) {
        model.addAttribute("data", view.data());
        warnings.active().ifPresent(w -> {
            model.addAttribute("warning", w);
            model.addAttribute("reductionCount", reductionList.countAt(w.level()));
        });
        return "air/public";
    }
}
