/** The enterprise registry: enterprises, licences, major hazard installations, import and export. */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprise",
        allowedDependencies = {"shared", "audit", "organization"})
package cn.anhuan.enterprise;
