package cn.anhuan.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.anhuan.enterprise.EnterpriseFilter;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.enterprise.EnterpriseView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The city risk map: every enterprise in scope with coordinates, coloured by its risk level. */
@Service
@Transactional(readOnly = true)
public class RiskMap {

    private final EnterpriseService enterprises;
    private final RiskService risks;

    RiskMap(EnterpriseService enterprises, RiskService risks) {
        this.enterprises = enterprises;
        this.risks = risks;
    }

    public List<Point> points() {
        Map<Long, Integer> levels = risks.enterpriseLevels();
        List<Point> points = new ArrayList<>();
        Long after = 0L;
        while (true) {
            List<EnterpriseView> page = enterprises.search(EnterpriseFilter.none(), after, 1000);
            for (EnterpriseView e : page) {
                if (e.latitude() != null && e.longitude() != null) {
                    Integer level = levels.get(e.id());
                    points.add(new Point(e.id(), e.name(), e.regionCode(), e.latitude(), e.longitude(), level,
                            level == null ? "#adb5bd" : RiskLevel.of(level).color()));
                }
            }
            if (page.size() < 1000) {
                return points;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** One enterprise on the map; level null = not yet assessed. */
    public record Point(long enterpriseId, String name, String regionCode, BigDecimal latitude, BigDecimal longitude,
                        Integer level, String color) {
    }
}
