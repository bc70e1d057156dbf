/** Read-only composition for people: the home page of each role, later the leader cockpit and reports. */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard",
        allowedDependencies = {"shared", "organization", "identity", "enterprise", "hazard"})
package cn.anhuan.dashboard;
