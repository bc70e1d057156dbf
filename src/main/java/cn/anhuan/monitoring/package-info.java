/** Pollution-source online monitoring: the HJ 212 receiver, devices, readings, quarantine and alarms. */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring",
        allowedDependencies = {"shared", "audit", "enterprise", "air", "hazard"})
package cn.anhuan.monitoring;
