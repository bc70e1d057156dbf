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
        xAxis: { type: 'time' }, yAxis: { type: 'value', scale: true, name: el.dataset.label },
        series: Object.keys(byCn).map(function (cn) {
          return { name: 'CN ' + cn, type: 'line', showSymbol: false, data: byCn[cn] };
        })
      });
      el.dataset.ready = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
})();
