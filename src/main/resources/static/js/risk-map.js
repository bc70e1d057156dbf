// The city risk map: enterprises by their coordinates (no online base map), coloured by risk level.
(function () {
  var el = document.getElementById('risk-map');
  if (!el || !window.echarts) { return; }
  window.anhuanFetchJson(el.dataset.src)
    .then(function (points) {
      var chart = echarts.init(el);
      chart.setOption({
        grid: { left: 50, right: 20, top: 20, bottom: 40 },
        xAxis: { type: 'value', scale: true }, yAxis: { type: 'value', scale: true },
        tooltip: { formatter: function (p) { return window.anhuanEscapeHtml(p.data.name); } },
        series: [{ type: 'scatter', symbolSize: 7, data: points.map(function (p) {
          return { name: p.name, value: [Number(p.longitude), Number(p.latitude)], itemStyle: { color: p.color } };
        }) }]
      });
      el.dataset.ready = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
