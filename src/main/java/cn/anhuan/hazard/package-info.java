/** Hazards (隐患排查治理): the closed loop from report to rectification to acceptance, with its timeline. */
@org.springframework.modulith.ApplicationModule(displayName = "Hazard",
        allowedDependencies = {"shared", "audit", "enterprise", "organization"})
package cn.anhuan.hazard;
