/** Read-only composition for people: the home page of each role, the county page, later the leader cockpit. */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard",
        allowedDependencies = {"shared", "organization", "identity", "enterprise", "hazard", "risk", "air",
                "monitoring"})
package cn.anhuan.dashboard;
