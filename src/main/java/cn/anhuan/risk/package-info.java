/** Risk grading (风险分级管控): enterprises' risk points assessed by LEC or LS and their four-level grading. */
@org.springframework.modulith.ApplicationModule(displayName = "Risk",
        allowedDependencies = {"shared", "audit", "enterprise"})
package cn.anhuan.risk;
