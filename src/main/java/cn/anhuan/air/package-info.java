/** Air quality: the AQI by HJ 633 (2012 and 2026), stations and their data, heavy-pollution warnings. */
@org.springframework.modulith.ApplicationModule(displayName = "Air quality",
        allowedDependencies = {"shared", "audit", "organization", "enterprise"})
package cn.anhuan.air;
