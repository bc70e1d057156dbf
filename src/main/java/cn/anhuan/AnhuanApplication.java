package cn.anhuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Anhuan: the city supervision platform for work safety and environmental protection. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnhuanApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnhuanApplication.class, args);
    }
}
