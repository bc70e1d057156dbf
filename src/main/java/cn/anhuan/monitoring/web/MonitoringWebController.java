package cn.anhuan.monitoring.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.anhuan.monitoring.AlarmService;
import cn.anhuan.monitoring.AlarmView;
import cn.anhuan.monitoring.DeviceCommand;
import cn.anhuan.monitoring.DeviceService;
import cn.anhuan.monitoring.DeviceView;
import cn.anhuan.monitoring.EmissionLimit;
import cn.anhuan.monitoring.QuarantineService;
import cn.anhuan.monitoring.ReductionCompliance;
import cn.anhuan.monitoring.ReadingService;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.InvalidInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: devices and the receiver, a device with its limits and readings chart, alarms, quarantine. */
@Controller
class MonitoringWebController {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final DeviceService devices;
    private final ReadingService readings;
    private final AlarmService alarms;
    private final QuarantineService quarantine;
    private final jakarta.validation.Validator validator;

    private final ReductionCompliance reduction;

    MonitoringWebController(DeviceService devices, ReadingService readings, AlarmService alarms,
                            QuarantineService quarantine, jakarta.validation.Validator validator,
                            ReductionCompliance reduction) {
        this.reduction = reduction;
        this.validator = validator;
        this.devices = devices;
        this.readings = readings;
        this.alarms = alarms;
        this.quarantine = quarantine;
    }

    @GetMapping("/monitoring")
    String devices(@RequestParam(required = false) String enterprise, @RequestParam(required = false) Long after,
                   Model model) {
        var list = devices.list(enterprise == null || enterprise.isBlank() ? null : enterprise.trim(), after, 100);
        model.addAttribute("devices", list);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("next", list.size() == 100 ? list.get(99).id() : null);
        model.addAttribute("activeAlarms", alarms.countActive());
        return "monitoring/devices";
    }

    @GetMapping("/monitoring/devices/new")
    String newDevice(Model model) {
        model.addAttribute("form", new DeviceCommand(null, null, "31", "AUTO", null, null, null, null, 60, false, 1024,
                true, null));
        return "monitoring/new";
    }

    @PostMapping("/monitoring/devices")
    String register(@jakarta.validation.Valid @org.springframework.web.bind.annotation.ModelAttribute("form") DeviceCommand form,
                    org.springframework.validation.BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return "monitoring/new";
        }
        try {
            DeviceView d = devices.register(form);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/monitoring/devices/" + d.id();
        } catch (BusinessRuleException e) {
            binding.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
        }
        return "monitoring/new";
    }

    @GetMapping("/monitoring/devices/{id}")
    String device(@PathVariable long id, @RequestParam(required = false) @Size(max = 10) String pollutant,
                  @RequestParam(required = false) LocalDate day, Model model) {
        DeviceView d = devices.get(id);
        var pollutants = readings.pollutants(id);
        String p = pollutant != null ? pollutant : pollutants.isEmpty() ? null : pollutants.get(0);
        LocalDate date = day;
        if (date == null && d.lastSeen() != null) {
            date = LocalDate.ofInstant(d.lastSeen(), CITY);
        }
        model.addAttribute("device", d);
        model.addAttribute("limits", devices.limits(id));
        model.addAttribute("pollutants", pollutants);
        model.addAttribute("pollutant", p);
        model.addAttribute("day", date);
        if (p != null && date != null) {
            var from = date.atStartOfDay(CITY).toInstant();
            model.addAttribute("from", from);
            model.addAttribute("to", date.plusDays(1).atStartOfDay(CITY).toInstant());
            model.addAttribute("hours", readings.aggregates(d.mn(), p, from, date.plusDays(1).atStartOfDay(CITY)
                    .toInstant(), "hour"));
        }
        model.addAttribute("alarms", alarms.list(null, null, id, null, 20));
        return "monitoring/device";
    }

    @PostMapping("/monitoring/devices/{id}/limits")
    String limit(@PathVariable long id, @RequestParam @Size(max = 10) String pollutant,
                 @RequestParam @Size(max = 30) String limit,
                 @RequestParam(defaultValue = "false") boolean converted, @RequestParam @Size(max = 4) String dataCn,
                 @RequestParam @Size(max = 10) String sustained, RedirectAttributes redirect) {
        try {
            EmissionLimit l = new EmissionLimit(pollutant.trim(), new BigDecimal(limit.trim()), converted, dataCn,
                    Integer.parseInt(sustained.trim()));
            if (!validator.validate(l).isEmpty()) {
                redirect.addFlashAttribute("limitError", true);
                return "redirect:/monitoring/devices/" + id;
            }
            devices.setLimit(id, l);
        } catch (NumberFormatException | BusinessRuleException | InvalidInputException
                 | ConstraintViolationException e) {
            redirect.addFlashAttribute("limitError", true);
        }
        return "redirect:/monitoring/devices/" + id;
    }

    @GetMapping("/monitoring/reduction")
    String reduction(Model model) {
        model.addAttribute("report", reduction.check());
        return "monitoring/reduction";
    }

    @PostMapping("/monitoring/reduction/{itemId}/open-hazard")
    String reductionHazard(@PathVariable long itemId, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("hazardId", reduction.openHazard(itemId).id());
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/monitoring/reduction";
    }

    @GetMapping("/monitoring/alarms")
    String alarms(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) Long before, Model model) {
        String s = status == null || status.isBlank() ? null : status;
        String k = kind == null || kind.isBlank() ? null : kind;
        var list = alarms.list(s, k, null, before, 50);
        model.addAttribute("alarms", list);
        model.addAttribute("total", alarms.count(s, k, null));
        model.addAttribute("status", s);
        model.addAttribute("kind", k);
        model.addAttribute("next", list.size() == 50 ? list.get(49).id() : null);
        return "monitoring/alarms";
    }

    @GetMapping("/monitoring/alarms/{id}")
    String alarm(@PathVariable long id, Model model) {
        model.addAttribute("alarm", alarms.get(id));
        return "monitoring/alarm";
    }

    @PostMapping("/monitoring/alarms/{id}")
    String act(@PathVariable long id, @RequestParam @Size(max = 20) String action,
               @RequestParam(required = false) @Size(max = 2000) String note,
               @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        try {
            AlarmView a = switch (action) {
                case "acknowledge" -> alarms.acknowledge(id, note, version);
                case "close" -> alarms.close(id, note, version);
                case "open-hazard" -> {
                    long hazard = alarms.openHazard(id, null, null, null).id();
                    redirect.addFlashAttribute("hazardId", hazard);
                    yield alarms.get(id);
                }
                default -> throw new cn.anhuan.shared.NotFoundException("action", action);
            };
            redirect.addFlashAttribute("saved", a.status());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", true);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/monitoring/alarms/" + id;
    }

    @GetMapping("/monitoring/quarantine")
    String quarantine(Model model) {
        model.addAttribute("summary", quarantine.summary());
        model.addAttribute("rejects", quarantine.rejects(null, 50));
        model.addAttribute("counters", quarantine.receiverCounters());
        model.addAttribute("sources", quarantine.sources(100));
        return "monitoring/quarantine";
    }

    @PostMapping("/monitoring/quarantine/release")
    String release(@RequestParam @Size(max = 24) String mn, RedirectAttributes redirect) throws InterruptedException {
        try {
            redirect.addFlashAttribute("released", quarantine.release(mn));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/monitoring/quarantine";
    }
}
