package cn.anhuan.air;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The AQI engine as a bean, configured by {@link AirProperties}. */
@Configuration(proxyBeanMethods = false)
class AirConfiguration {

    @Bean
    AqiCalculator aqiCalculator(AirProperties properties) {
        return AqiCalculator.standard(properties.realtimePm2012());
    }
}
