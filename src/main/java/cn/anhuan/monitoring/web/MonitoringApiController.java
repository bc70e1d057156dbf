package cn.anhuan.monitoring.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.anhuan.hazard.HazardView;
import cn.anhuan.monitoring.AlarmService;
import cn.anhuan.monitoring.AlarmView;
import cn.anhuan.monitoring.DeviceCommand;
import cn.anhuan.monitoring.DeviceService;
import cn.anhuan.monitoring.DeviceView;
import cn.anhuan.monitoring.EmissionLimit;
import cn.anhuan.monitoring.QuarantineService;
import cn.anhuan.monitoring.ReadingService;
import cn.anhuan.monitoring.ReductionCompliance;
import cn.anhuan.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Devices, limits, readings, alarms and the quarantine over JSON, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/monitoring")
class MonitoringApiController {

    private final DeviceService devices;
    private final ReadingService readings;
    private final AlarmService alarms;
    private final QuarantineService quarantine;
    private final ReductionCompliance reduction;

    MonitoringApiController(DeviceService devices, ReadingService readings, AlarmService alarms,
                            QuarantineService quarantine, ReductionCompliance reduction) {
        this.reduction = reduction;
        this.devices = devices;
        this.readings = readings;
        this.alarms = alarms;
        this.quarantine = quarantine;
    }

    @GetMapping("/devices")
    List<DeviceView> devices(@RequestParam(required = false) String enterprise,
                             @RequestParam(required = false) Long after,
                             @RequestParam(defaultValue = "100") int limit) {
        return devices.list(enterprise, after, limit);
    }

    @PostMapping("/devices")
    @ResponseStatus(HttpStatus.CREATED)
    DeviceView register(@Valid @RequestBody DeviceCommand command) {
        return devices.register(command);
    }

    @GetMapping("/devices/{id}")
    DeviceView device(@PathVariable long id) {
        return devices.get(id);
    }

    @PutMapping("/devices/{id}")
    DeviceView update(@PathVariable long id, @Valid @RequestBody DeviceCommand command) {
        return devices.update(id, command);
    }

    @GetMapping("/devices/{id}/limits")
    List<EmissionLimit> limits(@PathVariable long id) {
        return devices.limits(id);
    }

    @PutMapping("/devices/{id}/limits")
    List<EmissionLimit> setLimit(@PathVariable long id, @Valid @RequestBody EmissionLimit limit) {
        return devices.setLimit(id, limit);
    }

    @DeleteMapping("/devices/{id}/limits/{pollutant}")
    List<EmissionLimit> removeLimit(@PathVariable long id, @PathVariable String pollutant) {
        return devices.removeLimit(id, pollutant);
    }

    /** Stored values ({@code interval} raw, the default) or aggregates of real-time values (minute, hour, day). */
    @GetMapping("/readings")
    Object readings(@RequestParam @Size(max = 24) String mn, @RequestParam String pollutant, @RequestParam Instant from,
                    @RequestParam Instant to, @RequestParam(required = false) Integer cn,
                    @RequestParam(defaultValue = "raw") String interval) {
        if ("raw".equals(interval)) {
            return readings.values(mn, pollutant, from, to, cn);
        }
        return readings.aggregates(mn, pollutant, from, to, interval);
    }

    @GetMapping("/alarms")
    List<AlarmView> alarms(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                           @RequestParam(required = false) Long device, @RequestParam(required = false) Long before,
                           @RequestParam(defaultValue = "100") int limit) {
        return alarms.list(status, kind, device, before, limit);
    }

    @GetMapping("/alarms/{id}")
    AlarmView alarm(@PathVariable long id) {
        return alarms.get(id);
    }

    /** A note and the version the user saw; for open-hazard also the description, level and basis. */
    record AlarmAction(@Size(max = 2000) String note, Integer version, @Size(max = 4000) String description,
                       @Size(max = 10) String level, @Size(max = 500) String basis) {
    }

    @PostMapping("/alarms/{id}/actions/{action}")
    Object act(@PathVariable long id, @PathVariable String action, @Valid @RequestBody(required = false) AlarmAction a) {
        AlarmAction body = a == null ? new AlarmAction(null, null, null, null, null) : a;
        return switch (action) {
            case "acknowledge" -> alarms.acknowledge(id, body.note(), body.version());
            case "close" -> alarms.close(id, body.note(), body.version());
            case "open-hazard" -> {
                HazardView h = alarms.openHazard(id, body.description(), body.level(), body.basis());
                yield Map.of("hazardId", h.id(), "alarm", alarms.get(id));
            }
            default -> throw new NotFoundException("action", action);
        };
    }

    /** During a heavy-pollution warning: the reduction list's enterprises and whether they cut as promised. */
    @GetMapping("/reduction-compliance")
    ReductionCompliance.Report reductionCompliance() {
        return reduction.check();
    }

    /** Opens a hazard on a line listed for inspection (once per warning and line). */
    @PostMapping("/reduction-compliance/{itemId}/actions/open-hazard")
    ResponseEntity<Map<String, Object>> reductionHazard(@PathVariable long itemId) {
        HazardView h = reduction.openHazard(itemId);
        return ResponseEntity.status(201).body(Map.of("hazardId", h.id()));
    }

    @GetMapping("/quarantine")
    List<QuarantineService.Kept> quarantined(@RequestParam(required = false) @Size(max = 24) String mn,
                                             @RequestParam(required = false) Long before,
                                             @RequestParam(defaultValue = "100") int limit) {
        return quarantine.quarantined(mn, before, limit);
    }

    @PostMapping("/quarantine/release")
    Map<String, Integer> release(@RequestParam @Size(max = 24) String mn) throws InterruptedException {
        return Map.of("released", quarantine.release(mn));
    }

    @GetMapping("/rejects")
    List<QuarantineService.Kept> rejects(@RequestParam(required = false) Long before,
                                         @RequestParam(defaultValue = "100") int limit) {
        return quarantine.rejects(before, limit);
    }

    @GetMapping("/receiver")
    Map<String, Long> receiver() {
        return quarantine.receiverCounters();
    }

    @GetMapping("/receiver/sources")
    List<QuarantineService.SourceCount> receiverSources(@RequestParam(defaultValue = "200") int limit) {
        return quarantine.sources(limit);
    }
}
