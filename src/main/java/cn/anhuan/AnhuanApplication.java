package cn.anhuan;

import cn.anhuan.shared.db.DatabaseBackup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Anhuan: the city supervision platform for work safety and environmental protection. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnhuanApplication {

    /** Starts the platform, or runs {@code backup --to FILE} / {@code restore --from FILE} and exits. */
    public static void main(String[] args) {
        if (DatabaseBackup.isCommand(args)) {
            System.exit(DatabaseBackup.run(args));
        }
        SpringApplication.run(AnhuanApplication.class, args);
    }
}
