package cn.anhuan.scheduling.web;

import cn.anhuan.scheduling.Jobs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's view of the scheduled jobs: next run, last run, duration, success or failure. */
@Controller
class JobsWebController {

    private final Jobs jobs;

    JobsWebController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/admin/jobs")
    String list(Model model) {
        model.addAttribute("jobs", jobs.list());
        model.addAttribute("enabled", jobs.enabled());
        return "admin/jobs";
    }
}
