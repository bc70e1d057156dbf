package cn.anhuan.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's clock, in the city's time zone; tests replace it to control time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(CITY_ZONE);
    }
}
