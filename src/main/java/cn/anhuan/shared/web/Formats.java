package cn.anhuan.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formatting helpers for templates ({@code ${@fmt.time(x)}}): times in the city's zone. */
@Component("fmt")
class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
