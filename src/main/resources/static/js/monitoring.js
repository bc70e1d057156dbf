// A device's readings for one day: every stored value of the pollutant (real-time, minute, hour) as lines.
(function () {
  var el = document.getElementById('reading-chart');
  if (!el || !window.echarts) { return; }
  window.anhuanFetchJson(el.dataset.src)
    .then(function (values) {
      var byCn = {};
      values.forEach(function (v) {
        var y = v.rtd !== null ? v.rtd : v.avg;
        if (y === null) { return; }
        (byCn[v.cn] = byCn[v.cn] || []).push([v.time, y]);
      });
      var chart = echarts.init(el);
      chart.setOption({
        grid: { left: 50, right: 20, top: 30, bottom: 40 }, legend: {}, tooltip: { trigger: 'axis' },
        xAxis: { type: 'time' }, yAxis: { type: 'value', scale: true, name: el.dataset.label,
          // Keep the limit line in view when every value is below it.
          max: el.dataset.limit ? function (v) { return Math.max(v.max, Number(el.dataset.limit) * 1.05); } : null },
        series: Object.keys(byCn).map(function (cn, i) {
          var s = { name: 'CN ' + cn, type: 'line', showSymbol: false, data: byCn[cn] };
          if (i === 0 && el.dataset.limit) {
            // The device's emission limit as a labelled horizontal line.
            s.markLine = { symbol: 'none', silent: true, lineStyle: { color: '#dc3545', type: 'dashed' },
              label: { formatter: el.dataset.limitLabel, position: 'insideEndTop' },
              data: [{ yAxis: Number(el.dataset.limit) }] };
          }
          return s;
        })
      });
      el.dataset.ready = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
