/** In-app notifications: who is concerned by a hazard's step or escalation, an alarm or an expiring licence, and each user's inbox. */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = {"shared", "identity", "enterprise", "hazard", "monitoring", "air"})
package cn.anhuan.notification;
