package cn.anhuan.organization;

/** A region as the platform shows it; {@code path} lists the codes from the root, e.g. {@code /141000/141002/}. */
public record RegionView(String code, String name, String nameEn, RegionKind kind, String parentCode,
                         String path, int version) implements Localized {

    /** Depth in the tree, the root being 0. */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
