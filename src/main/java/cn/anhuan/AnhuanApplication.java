package cn.anhuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Anhuan: the city supervision platform for work safety and environmental protection. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AnhuanApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnhuanApplication.class, args);
    }
}
