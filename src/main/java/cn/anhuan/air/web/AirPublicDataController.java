package cn.anhuan.air.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public page's chart data as JSON (open data, no login). */
@RestController
class AirPublicDataController {

    private final PublicAirView view;

    AirPublicDataController(PublicAirView view) {
        this.view = view;
    }

    @GetMapping("/air/public/data")
    PublicAirView.Data data() {
        return view.data();
    }
}
